package org.geneassoc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's counts are exact when Spark retries a failed task and when it computes the same rows again: the
 * summary counts what a clean run counts. In a JVM of its own, since the shared test session (local[2]) does
 * not retry tasks.
 */
class ExactCountsTest {
    @Test
    void aFailedTaskAttemptAndARecomputationCountEachRowOnce(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.opens").split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), RetriedTasks.class.getName(), "local[2,2]"));
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as("the failure was forced and retried; a plain accumulator would count 2,000 or more")
                .contains("rows=1000,1000 counted=1000 failedTasks=1");
    }
}
