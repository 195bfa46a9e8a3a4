package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job fetching its own input (as a scheduled EMR run does): a Europe PMC search, then the run over what came. */
class FetchedRunTest {

    @Test
    void theJobFetchesItsInputThenWritesItsDocuments(@TempDir Path dir) throws Exception {
        byte[] page = Files.readAllBytes(Path.of("../samples/europepmc-sample.xml"));
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/search", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/xml");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        server.start();
        try {
            Path in = dir.resolve("fetched");
            Path out = dir.resolve("out");
            JobRunner.Result r = JobRunner.run("--input", in.toString(), "--output", out.toString(), "--fetch-query", "BRCA1 OR CFTR",
                    "--fetch-since", "2024-01-01", "--europe-pmc-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/rest",
                    "--fetch-interval-millis", "0");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stderr()).contains("fetch: page 1, 6 of 6 records");
            assertThat(in.resolve("page-000001.xml.gz")).exists();
            List<JsonNode> docs = JobRunner.documents(out);
            assertThat(docs).hasSize(4).anySatisfy(d -> assertThat(d.toString()).contains("\"symbol\":\"BRCA1\""));
            assertThat(requests).as("one page: the sample has no next cursor").hasValue(1);
        } finally {
            server.stop(0);
        }
    }
}
