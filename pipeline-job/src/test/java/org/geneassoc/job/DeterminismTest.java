package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article's document depends on its text and the models only: the job on 100 real BioRED abstracts,
 * launched as spark-submit launches it (master and shuffle partitions as {@code spark.*} system
 * properties, so the job's local defaults stay out of it), writes the same bytes with 1, 3 and 24 shuffle
 * partitions and on one core or two. Each run is its own JVM, since a JVM holds one SparkContext.
 */
class DeterminismTest {
    private record Layout(String master, int shufflePartitions) {
    }

    @Test
    void documentsAreTheSameBytesWhateverThePartitioningAndCores(@TempDir Path dir) throws Exception {
        Path input = SharedData.require("europepmc/biored-dev.xml");
        String models = SharedData.models();
        Map<String, String> first = null;
        Layout firstLayout = null;
        for (Layout layout : List.of(new Layout("local[2]", 3), new Layout("local[2]", 24), new Layout("local[2]", 1),
                new Layout("local[1]", 24))) {
            Path out = dir.resolve(layout.master().replaceAll("\\W", "") + "-" + layout.shufflePartitions());
            run(layout, input, out, models);
            Map<String, String> docs = documentsByPmid(out);
            if (first == null) {
                first = docs;
                firstLayout = layout;
                assertThat(docs).as("documents of the first run").hasSizeGreaterThan(5);
                continue;
            }
            assertThat(docs.keySet()).as("pmids with %s vs %s", layout, firstLayout).containsExactlyInAnyOrderElementsOf(first.keySet());
            for (Map.Entry<String, String> d : docs.entrySet()) {
                assertThat(d.getValue()).as("pmid %s with %s vs %s", d.getKey(), layout, firstLayout).isEqualTo(first.get(d.getKey()));
            }
        }
    }

    private static void run(Layout layout, Path input, Path out, String models) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx3g");
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")).forEach(cmd::add);
        cmd.addAll(List.of("-Dspark.master=" + layout.master(), "-Dspark.sql.shuffle.partitions=" + layout.shufflePartitions(),
                "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"), GdaJob.class.getName(),
                "--input", input.toString(), "--output", out.toString(), "--models", models, "--config", "../config"));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("job with %s finished", layout).isTrue();
        assertThat(p.exitValue()).as("exit code with %s:%n%s", layout, Files.readString(log)).isZero();
    }

    /** Each document line of the JSON Lines output, by pmid. */
    private static Map<String, String> documentsByPmid(Path out) throws Exception {
        Map<String, String> docs = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        // processedAt is when the run started, the one field that differs between runs by design.
                        docs.put(JobRunner.JSON.readTree(line).get("pmid").asText(), line.replaceAll(",\"processedAt\":\"[^\"]*\"", ""));
                    }
                }
            }
        }
        return docs;
    }
}
