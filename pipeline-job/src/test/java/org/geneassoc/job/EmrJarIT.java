package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EMR JAR as EMR runs it: the shaded JAR on a classpath of only what EMR provides (Spark, Hadoop,
 * the AWS SDK), in a JVM of its own. The JAR must carry everything else the job needs and nothing EMR
 * already has (no Scala library: a second one breaks spark.driver.userClassPathFirst).
 */
class EmrJarIT {
    private static final Path JAR = Path.of("target/emr", System.getProperty("job.jar.name"));

    @Test
    void theJarHoldsNeitherScalaNorTheLibrariesThisJobDoesNotUse() throws Exception {
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            List<String> names = zip.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("org/geneassoc/job/GdaJob.class", "com/johnsnowlabs/nlp/DocumentAssembler.class",
                    "ai/onnxruntime/OrtSession.class", "com/mongodb/spark/sql/connector/MongoTableProvider.class");
            for (String absent : List.of("scala/", "org/apache/spark/", "org/apache/hadoop/", "com/google/cloud/", "org/apache/poi/",
                    "org/tensorflow/op/", "org/tensorflow/proto/", "org/rocksdb/", "lombok/", "ner-dl/", "classifier-dl/")) {
                assertThat(names).as(absent).noneMatch(n -> n.startsWith(absent));
            }
        }
        assertThat(Files.size(JAR)).isLessThan(40L * 1024 * 1024);
    }

    @Test
    void theJarRunsTheJobOnTheClassesEmrProvides(@TempDir Path out) throws Exception {
        String provided = Files.readString(Path.of("target/provided-classpath.txt")).strip();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.opens").split("\\s+")));
        command.addAll(List.of("-Xmx2g", "-cp", JAR + File.pathSeparator + provided, System.getProperty("job.main.class"),
                "--master", "local[2]", "--input", "../samples/europepmc-sample.xml", "--output", out.resolve("docs").toString(),
                "--models", SharedData.models(), "--config", "../config", "--association-threshold", "0.1"));
        Path log = out.resolve("job.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("job finished within 5 minutes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        List<String> documents;
        try (Stream<Path> parts = Files.list(out.resolve("docs"))) {
            documents = parts.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(documents).hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(d -> assertThat(d).contains("\"_id\":\"90000001\"").contains("\"symbol\":\"BRCA1\"").contains("\"taxon\":\"9606\""));
    }
}
