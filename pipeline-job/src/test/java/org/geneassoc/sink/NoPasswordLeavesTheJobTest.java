package org.geneassoc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.geneassoc.job.GdaJob;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB URI carries a password, and Spark's default redaction matches only url-like option keys: with a
 * marker in the URI, the job's output, its logs (driver and, in local mode, executors) and its Spark event log
 * (plans included) never hold the marker, on a run that writes and on one that fails to authenticate. The job
 * runs as the EMR entry point does, in a JVM of its own with event logging on.
 */
class NoPasswordLeavesTheJobTest {
    // No word Spark redacts by default (secret, password, token) in it, so only this job's redaction hides it.
    private static final String MARKER = "Xq7pZebraMarker";

    private static String run(Path dir, String uri) throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.opens").split("\\s+")));
        command.addAll(List.of("-Xmx2g", "-Dspark.eventLog.enabled=true", "-Dspark.eventLog.dir=" + events.toUri(),
                "-cp", System.getProperty("java.class.path"), GdaJob.class.getName(), "--master", "local[2]",
                "--input", "../samples/europepmc-sample.xml", "--models", SharedData.models(), "--config", "../config",
                "--mongo-uri", uri, "--mongo-database", "redaction_test", "--mongo-write-attempts", "1"));
        Path log = dir.resolve("job.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
        StringBuilder all = new StringBuilder(Files.readString(log, StandardCharsets.UTF_8)).append("\nexit=").append(p.exitValue());
        try (Stream<Path> files = Files.walk(events)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append('\n').append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    /** Each place the marker shows, with 120 characters on either side: a short failure message. */
    private static List<String> around(String text) {
        List<String> out = new ArrayList<>();
        for (int i = text.indexOf(MARKER); i >= 0; i = text.indexOf(MARKER, i + 1)) {
            out.add(text.substring(Math.max(0, i - 120), Math.min(text.length(), i + MARKER.length() + 120)));
        }
        return out;
    }

    @Test
    void theUriNeverShowsInLogsPlansEventLogsOrErrors(@TempDir Path dir) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try {
            String written = run(Files.createDirectories(dir.resolve("written")),
                    "mongodb://127.0.0.1:" + address.getPort() + "/?appName=" + MARKER);
            assertThat(written).contains("exit=0", "SparkListenerSQLExecutionStart", "mongodb redaction_test.pubmedArticles");
            assertThat(around(written)).as("where the marker shows").isEmpty();
            String refused = run(Files.createDirectories(dir.resolve("refused")),
                    "mongodb://geneassoc:" + MARKER + "@127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=2000");
            assertThat(refused).contains("exit=1", "error: ");
            assertThat(around(refused)).as("where the marker shows").isEmpty();
        } finally {
            server.shutdownNow();
        }
    }
}
