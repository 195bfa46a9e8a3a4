package org.geneassoc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bson.Document;
import org.geneassoc.job.JobRunner;
import org.geneassoc.testing.SharedSpark;
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
                "--mongo-database", "geneassoc_test", "--association-threshold", "0", "--sentence-threshold", "0.5"};
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
            assertThat(brca.getList("associations", Document.class)).isNotEmpty()
                    .flatExtracting(a -> a.getList("evidence", Document.class)).isNotEmpty()
                    .allSatisfy(e -> assertThat(brca.getString("abstract").substring(e.getInteger("start"), e.getInteger("end")))
                            .isEqualTo(e.getString("sentence")));

            JobRunner.Result second = JobRunner.run(flags);
            assertThat(second.exitCode()).as(second.stderr()).isZero();
            // The same documents, but for processedAt: when the run that wrote them started.
            List<Document> again = all(c);
            assertThat(again).allSatisfy(d -> assertThat(d.getDate("processedAt")).isAfter(brca.getDate("processedAt")));
            assertThat(withoutProcessedAt(again)).isEqualTo(withoutProcessedAt(afterFirst));
            assertThat(c.countDocuments()).isEqualTo(afterFirst.size());
        }
    }

    private static Dataset<Row> documents(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(RowFactory.create(String.valueOf(92000000 + i), "title " + i));
        }
        return SharedSpark.get().createDataFrame(rows, new StructType().add("_id", DataTypes.StringType).add("title", DataTypes.StringType));
    }

    private static List<Document> withoutProcessedAt(List<Document> docs) {
        return docs.stream().map(d -> {
            Document copy = new Document(d);
            copy.remove("processedAt");
            return copy;
        }).toList();
    }

    /** The ledger entries of these documents. */
    private static Dataset<Row> processed(Dataset<Row> docs) {
        return docs.select("_id").withColumn("modelVersion", org.apache.spark.sql.functions.lit("test"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aFailedWriteIsRetriedWithGrowingWaitsUntilTheServerIsBack() throws Exception {
        int port = freePort();
        String down = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=400&connectTimeoutMS=400";
        MongoServer late = new MongoServer(new MemoryBackend());
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(2500);
                late.bind("127.0.0.1", port);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starter.start();
        try {
            // Attempts at about 0 s, 1.4 s (after 1 s) and 3.8 s (after 2 s): the third finds the server.
            new MongoSink(new MongoConnection(down, "geneassoc_test", "retried"), 4, 1).write(documents(5), processed(documents(5)));
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> c = client.getDatabase("geneassoc_test").getCollection("retried");
                assertThat(all(c)).extracting(d -> d.getString("_id"))
                        .containsExactly("92000001", "92000002", "92000003", "92000004", "92000005");
            }
        } finally {
            starter.join();
            late.shutdownNow();
        }
    }

    @Test
    void aWriteThatKeepsFailingNamesTheCollectionAndTheAttempts() throws Exception {
        String down = "mongodb://127.0.0.1:" + freePort() + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300";
        assertThatThrownBy(() -> new MongoSink(new MongoConnection(down, "geneassoc_test", "unreachable"), 2, 0).write(documents(2), processed(documents(2))))
                .hasMessageContaining("mongodb geneassoc_test.unreachable").hasMessageContaining("after 2 attempts")
                .hasMessageContaining("re-running the same input");
    }

    @Test
    void aServerThatStopsMidWriteIsNamedWithHowFarTheWriteGotAndAReRunCompletesIt() throws Exception {
        int port = freePort();
        String flaky = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500&socketTimeoutMS=2000";
        MemoryBackend backend = new MemoryBackend();
        MongoServer first = new MongoServer(backend);
        first.bind("127.0.0.1", port);
        int n = 3000;
        Dataset<Row> docs = documents(n).repartition(40);
        Thread stopper = new Thread(() -> {
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> c = client.getDatabase("geneassoc_test").getCollection("stopped");
                while (c.countDocuments() < 300) {
                    Thread.sleep(5);
                }
                first.shutdownNow();
            } catch (Exception e) {
                first.shutdownNow();
            }
        });
        stopper.start();
        assertThatThrownBy(() -> new MongoSink(new MongoConnection(flaky, "geneassoc_test", "stopped"), 1, 0).write(docs, processed(docs)))
                .hasMessageContaining("mongodb geneassoc_test.stopped").hasMessageMatching("(?s).*wrote \\d+ of " + n + " documents.*");
        stopper.join();

        MongoServer restarted = new MongoServer(backend);
        restarted.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            new MongoSink(new MongoConnection(flaky, "geneassoc_test", "stopped"), 1, 0).write(docs, processed(docs));
            List<Document> all = all(client.getDatabase("geneassoc_test").getCollection("stopped"));
            assertThat(all).hasSize(n);
            assertThat(all).extracting(d -> d.getString("_id")).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(d -> assertThat(d.getString("title")).isEqualTo("title " + (Integer.parseInt(d.getString("_id")) - 92000000)));
        } finally {
            restarted.shutdownNow();
        }
    }
}
