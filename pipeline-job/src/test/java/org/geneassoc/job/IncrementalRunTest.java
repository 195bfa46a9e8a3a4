package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.geneassoc.ingest.FaultyFileSystem;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --skip-existing}: a re-run scores only articles the output does not hold from the same model version; on
 * JSON Lines each run adds a folder of its own and readers take the newest document per pmid.
 */
class IncrementalRunTest {
    private static final String NEW_RECORD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <responseWrapper><hitCount>1</hitCount><resultList><result><pmid>90000099</pmid>
            <title>LRRK2 G2019S and Parkinson disease risk.</title>
            <abstractText>The LRRK2 G2019S mutation was associated with Parkinson disease in 812 patients and 900 controls.</abstractText>
            <firstPublicationDate>2026-11-20</firstPublicationDate></result></resultList></responseWrapper>
            """;

    private static Map<String, JsonNode> byPmid(Path out) throws Exception {
        Map<String, JsonNode> docs = new TreeMap<>();
        for (JsonNode d : JobRunner.newestDocuments(out)) {
            assertThat(docs.put(d.get("_id").asText(), d)).as("one document per pmid").isNull();
        }
        return docs;
    }

    @Test
    void aJsonLinesReRunSkipsWhatItHoldsAndMergesWhatIsNew(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("../samples/europepmc-sample.xml"), in.resolve("week-1.xml"));
        Path out = dir.resolve("out");
        assertThat(JobRunner.run("--input", in.toString(), "--output", out.toString(), "--skip-existing").exitCode()).isZero();
        Map<String, JsonNode> first = byPmid(out);
        assertThat(first).hasSize(4);
        String version = first.values().iterator().next().get("modelVersion").asText();
        assertThat(version).matches("[0-9a-f]{16}");
        assertThat(JobRunner.summary(out).get("skippedExisting").asLong()).isZero();
        assertThat(runs(out)).as("the run's own folder, marked complete").singleElement()
                .satisfies(run -> assertThat(run.resolve("_COMPLETE")).exists());
        try (Stream<Path> beside = Files.list(dir)) {
            assertThat(beside).as("nothing written beside the output folder").extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("in", "out");
        }

        JobRunner.Result again = JobRunner.run("--input", in.toString(), "--output", out.toString(), "--skip-existing");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        JsonNode summary = JobRunner.summary(out);
        assertThat(summary.get("skippedExisting").asLong()).as("every article record of the input").isEqualTo(6);
        assertThat(summary.get("abstracts").asLong()).isZero();
        assertThat(summary.get("documentsWritten").asLong()).isZero();
        assertThat(byPmid(out)).as("kept as they were, processedAt included").isEqualTo(first);
        assertThat(runs(out)).as("a run that writes nothing adds no folder").hasSize(1);

        Files.writeString(in.resolve("week-2.xml"), NEW_RECORD);
        JobRunner.run("--input", in.toString(), "--output", out.toString(), "--skip-existing", "--report");
        summary = JobRunner.summary(out);
        assertThat(Files.readString(out.resolve("_REPORT.html"))).as("the report of every run, the last one's news marked")
                .contains("\"documents\":5,", "\"severalRuns\":true,", "\"newDocuments\":1,");
        assertThat(summary.get("skippedExisting").asLong()).isEqualTo(6);
        assertThat(summary.get("abstracts").asLong()).as("only the new record is scored").isEqualTo(1);
        Map<String, JsonNode> merged = byPmid(out);
        assertThat(merged).hasSize(5).containsKey("90000099");
        assertThat(merged.get("90000099").toString()).contains("\"symbol\":\"LRRK2\"");
        first.forEach((pmid, doc) -> assertThat(merged.get(pmid)).isEqualTo(doc));

        JobRunner.run("--input", in.toString(), "--output", out.toString(), "--skip-existing", "--association-threshold", "0.5");
        summary = JobRunner.summary(out);
        assertThat(summary.get("skippedExisting").asLong()).as("another threshold is another version").isZero();
        assertThat(byPmid(out).values()).hasSize(5).allSatisfy(d -> assertThat(d.get("modelVersion").asText()).isNotEqualTo(version));
    }

    @Test
    void aRunThatDiesAfterWritingItsDocumentsLosesNothingAndItsArticlesAreProcessedAgain(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("../samples/europepmc-sample.xml"), in.resolve("week-1.xml"));
        Path out = dir.resolve("out-dies-before-complete");
        String faultyOut = FaultyFileSystem.SCHEME + "://" + out.toAbsolutePath();
        var hadoop = SharedSpark.get().sparkContext().hadoopConfiguration();
        hadoop.set("fs." + FaultyFileSystem.SCHEME + ".impl", FaultyFileSystem.class.getName());
        hadoop.setBoolean("fs." + FaultyFileSystem.SCHEME + ".impl.disable.cache", true);
        assertThat(JobRunner.run("--input", in.toString(), "--output", out.toString(), "--skip-existing").exitCode()).isZero();
        Map<String, JsonNode> first = byPmid(out);

        Files.writeString(in.resolve("week-2.xml"), NEW_RECORD);
        JobRunner.Result dies = JobRunner.run("--input", in.toString(), "--output", faultyOut, "--skip-existing");
        assertThat(dies.exitCode()).as("the run failed").isNotZero();
        assertThat(dies.stderr()).contains("simulated end of the run");
        assertThat(runs(out)).as("its documents and ledger are on disk, unmarked").hasSize(2)
                .filteredOn(run -> !Files.exists(run.resolve("_COMPLETE"))).singleElement()
                .satisfies(run -> assertThat(run.resolve("_processed")).isDirectory());
        assertThat(byPmid(out)).as("readers see the complete runs only").isEqualTo(first);

        JobRunner.Result again = JobRunner.run("--input", in.toString(), "--output", out.toString(), "--skip-existing");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        JsonNode summary = JobRunner.summary(out);
        assertThat(summary.get("abstracts").asLong()).as("the dead run's article is scored again").isEqualTo(1);
        Map<String, JsonNode> after = byPmid(out);
        assertThat(after).hasSize(5).containsKey("90000099");
        first.forEach((pmid, doc) -> assertThat(after.get(pmid)).isEqualTo(doc));
    }

    /** The folders runs added to {@code out}, oldest first. */
    private static List<Path> runs(Path out) throws Exception {
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            return runs.sorted().toList();
        }
    }

    @Test
    void aMongoDbReRunReadsTheIdsAndVersionsItHolds(@TempDir Path dir) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        try {
            String[] flags = {"--input", "../samples/europepmc-sample.xml", "--output", dir.toString(), "--mongo-uri", uri,
                    "--mongo-database", "incremental", "--skip-existing", "--report"};
            JobRunner.Result first = JobRunner.run(flags);
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            JobRunner.Result again = JobRunner.run(flags);
            assertThat(again.exitCode()).as(again.stderr()).isZero();
            assertThat(again.stdout()).contains("\"skippedExisting\" : 6", "\"documentsWritten\" : 0");
            assertThat(Files.readString(dir.resolve("_REPORT.html"))).as("the collection's report, in --output")
                    .contains("MongoDB collection incremental.pubmedArticles", "\"documents\":4,").doesNotContain(uri);
            try (MongoClient client = MongoClients.create(uri)) {
                List<Document> docs = client.getDatabase("incremental").getCollection("pubmedArticles").find().into(new ArrayList<>());
                assertThat(docs).hasSize(4).allSatisfy(d -> assertThat(d.getString("modelVersion")).matches("[0-9a-f]{16}"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
