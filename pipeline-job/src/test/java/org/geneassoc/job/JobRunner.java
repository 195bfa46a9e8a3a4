package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geneassoc.sink.JsonLinesSink;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;

/** Runs the job as the EMR entry point does, in this JVM (on the shared SparkSession) and reads what it wrote. */
public final class JobRunner {
    public static final ObjectMapper JSON = new ObjectMapper();

    private JobRunner() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(String... flags) {
        SharedSpark.get();
        List<String> args = new ArrayList<>(List.of("--config", "../config"));
        if (!List.of(flags).contains("--models")) {
            args.addAll(List.of("--models", SharedData.models()));
        }
        args.addAll(List.of(flags));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = JobCommand.execute(args.toArray(String[]::new), metrics -> () -> { });
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every document of a JSON Lines output folder. */
    public static List<JsonNode> documents(Path dir) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        docs.add(JSON.readTree(line));
                    }
                }
            }
        }
        return docs;
    }

    /** The documents a reader of a JSON Lines folder gets: the newest per pmid, whichever run wrote it. */
    public static List<JsonNode> newestDocuments(Path dir) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : JsonLinesSink.documents(SharedSpark.get(), dir.toString()).toJSON().collectAsList()) {
            docs.add(JSON.readTree(line));
        }
        return docs;
    }

    public static JsonNode summary(Path dir) throws Exception {
        Path s = dir.resolve("_SUMMARY.json");
        assertThat(s).exists();
        return JSON.readTree(s.toFile());
    }

    /** The defaults the repository ships, {@code config/geneassoc.json}. */
    public static JsonNode shippedConfig() throws Exception {
        return JSON.readTree(Path.of("../config/geneassoc.json").toFile());
    }
}
