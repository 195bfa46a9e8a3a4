package org.geneassoc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.geneassoc.job.JobRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MongoDB sink against an in-process server speaking the MongoDB wire protocol. */
class MongoSinkTest {
    private static MongoServer server;
    private static String uri;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort();
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    private static List<Document> all(MongoCollection<Document> c) {
        return c.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void reRunningTheSameInputLeavesOneIdenticalDocumentPerPmid(@TempDir Path dir) {
        String[] flags = {"--input", "../samples/europepmc-sample.xml", "--output", dir.toString(), "--mongo-uri", uri,
                "--mongo-database", "geneassoc_test", "--abstract-threshold", "0", "--sentence-threshold", "0.5"};
        JobRunner.Result first = JobRunner.run(flags);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("mongodb geneassoc_test.pubmedArticles");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> c = client.getDatabase("geneassoc_test").getCollection("pubmedArticles");
            List<Document> afterFirst = all(c);
            assertThat(afterFirst).isNotEmpty();
            assertThat(afterFirst).extracting(d -> d.get("_id")).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat((String) id).matches("9000000\\d"));
            Document brca = afterFirst.stream().filter(d -> d.get("_id").equals("90000001")).findFirst().orElseThrow();
            assertThat(brca.get("firstPublicationDate")).isInstanceOf(java.util.Date.class);
            assertThat(brca.getList("gda", Document.class)).isNotEmpty()
                    .allSatisfy(g -> assertThat(brca.getString("abstract").substring(g.getInteger("start"), g.getInteger("end")))
                            .isEqualTo(g.getString("sentence")));

            JobRunner.Result second = JobRunner.run(flags);
            assertThat(second.exitCode()).as(second.stderr()).isZero();
            assertThat(all(c)).isEqualTo(afterFirst);
            assertThat(c.countDocuments()).isEqualTo(afterFirst.size());
        }
    }
}
