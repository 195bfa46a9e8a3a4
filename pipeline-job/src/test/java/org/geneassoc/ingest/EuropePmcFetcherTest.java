package org.geneassoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Europe PMC fetch against a local HTTP server: real recorded responses, generated multi-page searches and the
 * faults a public API shows (503, 429 with Retry-After, an HTML error page, a truncated body, an interruption).
 */
class EuropePmcFetcherTest {
    private static final Pattern CURSOR = Pattern.compile("cursorMark=([^&]*)");
    private static final Pattern PMID = Pattern.compile("<pmid>(\\d+)</pmid>");

    /** What the server answers to the n-th request (1-based) for a cursor; null: the page itself. */
    private interface Fault {
        Answer at(int request, String cursor);
    }

    private record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    private volatile Fault fault = (n, c) -> null;
    private volatile int pages = 3;
    private volatile int perPage = 4;
    private volatile String recorded;
    private volatile long maxBody = EuropePmcFetcher.MAX_BODY_BYTES;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/search", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        requests.add(URLDecoder.decode(query, StandardCharsets.UTF_8));
        Matcher m = CURSOR.matcher(query);
        String cursor = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "*";
        Answer a = fault.at(requests.size(), cursor);
        if (a == null) {
            a = new Answer(200, "application/xml;charset=UTF-8", recorded != null ? recorded : page(cursor), Map.of());
        }
        byte[] body = a.body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.contentType);
        a.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    /** Page {@code cursor} ("*", "c1", "c2", …) of a generated search; the last page's next cursor is its own. */
    private String page(String cursor) {
        int index = cursor.equals("*") ? 0 : Integer.parseInt(cursor.substring(1));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><responseWrapper><version>6.9</version>")
                .append("<hitCount>").append(pages * perPage).append("</hitCount>");
        String next = index >= pages ? cursor : "c" + (index + 1);
        xml.append("<nextCursorMark>").append(next).append("</nextCursorMark><resultList>");
        for (int i = 0; index < pages && i < perPage; i++) {
            int pmid = 91000000 + index * perPage + i;
            xml.append("<result><id>").append(pmid).append("</id><source>MED</source><pmid>").append(pmid).append("</pmid>")
                    .append("<title>Record ").append(pmid).append("</title><abstractText>BRCA1 variants cause breast cancer.")
                    .append("</abstractText></result>");
        }
        return xml.append("</resultList></responseWrapper>").toString();
    }

    private FetchRequest request(String query, int attempts) {
        return new FetchRequest(query, null, null, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rest"), perPage,
                attempts, 2, 0);
    }

    private EuropePmcFetcher.Result fetch(FetchRequest r) throws IOException {
        return new EuropePmcFetcher(HttpClient.newHttpClient(), pauses::add, maxBody).fetch(r, dir.toString(), new Configuration(), s -> { });
    }

    private List<String> pmidsOnDisk() throws IOException {
        List<String> pmids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("page-")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    PMID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).results().forEach(r -> pmids.add(r.group(1)));
                }
            }
        }
        return pmids;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            // Hadoop's local file system adds hidden .crc checksums, which run skips like every hidden file.
            return files.map(p -> p.getFileName().toString()).filter(f -> !f.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void pagesToTheEndWithCursorMarksOneGzipFilePerPage() throws Exception {
        EuropePmcFetcher.Result r = fetch(new FetchRequest("BRCA1", java.time.LocalDate.parse("2026-11-01"),
                java.time.LocalDate.parse("2026-11-26"), request("x", 3).baseUrl(), perPage, 3, 2, 0));
        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.records()).isEqualTo(12);
        assertThat(r.hitCount()).isEqualTo(12);
        assertThat(files()).containsExactly("_FETCH_STATE.json", "page-000001.xml.gz", "page-000002.xml.gz", "page-000003.xml.gz");
        assertThat(pmidsOnDisk()).hasSize(12).doesNotHaveDuplicates();
        assertThat(requests.get(0)).contains("query=(BRCA1) AND (FIRST_PDATE:[2026-11-01 TO 2026-11-26])", "resultType=core",
                "format=xml", "pageSize=4", "cursorMark=*");
        assertThat(requests).extracting(q -> q.replaceAll(".*cursorMark=", "")).containsExactly("*", "c1", "c2", "c3");
    }

    @Test
    void aRealRecordedResponseIsKeptAsItCame() throws Exception {
        Path real = SharedData.require("europepmc/search-core.xml");
        recorded = Files.readString(real);
        EuropePmcFetcher.Result r = fetch(request("cancer", 3));
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.records()).isEqualTo(25);
        assertThat(r.hitCount()).isEqualTo(5059039);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("page-000001.xml.gz")))) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(real));
        }
    }

    @Test
    void a503ThenSuccessIsRetriedWithBackoff() throws Exception {
        fault = (n, c) -> n <= 2 ? new Answer(503, "text/plain", "busy", Map.of()) : null;
        EuropePmcFetcher.Result r = fetch(request("BRCA1", 4));
        assertThat(r.records()).isEqualTo(12);
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(pmidsOnDisk()).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void a429WaitsForItsRetryAfter() throws Exception {
        fault = (n, c) -> n == 2 ? new Answer(429, "text/plain", "slow down", Map.of("Retry-After", "7")) : null;
        fetch(request("BRCA1", 3));
        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
        assertThat(pmidsOnDisk()).hasSize(12);
    }

    @Test
    void aRetryAfterOfHoursIsCappedAndCountsAsOneAttempt() throws Exception {
        fault = (n, c) -> n == 2 ? new Answer(429, "text/plain", "come back tomorrow", Map.of("Retry-After", "86400")) : null;
        fetch(request("BRCA1", 3));
        assertThat(pauses).containsExactly(EuropePmcFetcher.MAX_RETRY_AFTER);
        assertThat(EuropePmcFetcher.MAX_RETRY_AFTER).isEqualTo(Duration.ofMinutes(10));
        assertThat(pmidsOnDisk()).hasSize(12);

        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        requests.clear();
        pauses.clear();
        fault = (n, c) -> new Answer(429, "text/plain", "come back tomorrow", Map.of("Retry-After", "86400"));
        assertThatThrownBy(() -> fetch(request("BRCA1", 2))).hasMessageContaining("page 1 (cursor *) failed 2 attempts, the last with HTTP 429");
        assertThat(requests).hasSize(2);
    }

    @Test
    void aBodyOverTheCapIsRetriedThenNamedWithItsPage() throws Exception {
        maxBody = page("*").length() + 10;
        fault = (n, c) -> n == 1 ? new Answer(200, "application/xml", page(c) + " ".repeat(1000), Map.of()) : null;
        assertThat(fetch(request("BRCA1", 3)).records()).isEqualTo(12);
        assertThat(pauses).hasSize(1);

        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        fault = (n, c) -> c.equals("c2") ? new Answer(200, "application/xml", page(c) + " ".repeat(1000), Map.of()) : null;
        assertThatThrownBy(() -> fetch(request("BRCA1", 2))).isInstanceOf(IOException.class)
                .hasMessageContaining("page 3 (cursor c2) failed 2 attempts, the last with a body over " + maxBody + " bytes");
        assertThat(pmidsOnDisk()).as("pages 1 and 2 stay").hasSize(8);
    }

    @Test
    void aHitCountThatIsNoNumberIsRetriedThenNamedWithItsPage() throws Exception {
        fault = (n, c) -> n == 1 ? new Answer(200, "application/xml", page(c).replaceFirst("<hitCount>\\d+</hitCount>", "<hitCount>many</hitCount>"),
                Map.of()) : null;
        assertThat(fetch(request("BRCA1", 3)).hitCount()).isEqualTo(12);
        assertThat(pauses).hasSize(1);

        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        fault = (n, c) -> c.equals("c1") ? new Answer(200, "application/xml", page(c).replaceFirst("<hitCount>\\d+</hitCount>",
                "<hitCount>12 or so</hitCount>"), Map.of()) : null;
        assertThatThrownBy(() -> fetch(request("BRCA1", 2))).isInstanceOf(IOException.class)
                .hasMessageContaining("page 2 (cursor c1) failed 2 attempts, the last with a body that is not whole XML (hitCount '12 or so' is not a number)");
    }

    @Test
    void anHtmlErrorPageOrATruncatedBodyIsRetriedAndNamesThePageWhenItPersists() throws Exception {
        fault = (n, c) -> n == 1 ? new Answer(200, "text/html", "<html><body>Service unavailable</body></html>", Map.of())
                : n == 3 ? new Answer(200, "application/xml", page(c).substring(0, 150), Map.of()) : null;
        assertThat(fetch(request("BRCA1", 2)).records()).isEqualTo(12);
        assertThat(pauses).hasSize(2);

        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        fault = (n, c) -> c.equals("c1") ? new Answer(200, "text/html; charset=utf-8", "<!DOCTYPE html><html>502</html>", Map.of()) : null;
        assertThatThrownBy(() -> fetch(request("BRCA1", 3))).isInstanceOf(IOException.class)
                .hasMessageContaining("page 2 (cursor c1) failed 3 attempts, the last with an HTML page instead of XML")
                .hasMessageContaining("pages before it are kept");
        assertThat(pmidsOnDisk()).as("page 1 stays").hasSize(4);
    }

    @Test
    void anInterruptedFetchResumesFromItsLastCursorWithoutDuplicates() throws Exception {
        pages = 5;
        fault = (n, c) -> c.equals("c3") ? new Answer(500, "text/plain", "boom", Map.of()) : null;
        assertThatThrownBy(() -> fetch(request("BRCA1", 2))).hasMessageContaining("page 4 (cursor c3)");
        assertThat(pmidsOnDisk()).hasSize(12);
        assertThat(files()).noneMatch(f -> f.endsWith(".partial"));

        requests.clear();
        fault = (n, c) -> null;
        EuropePmcFetcher.Result r = fetch(request("BRCA1", 2));
        assertThat(r.resumedAfterPage()).isEqualTo(3);
        assertThat(requests).extracting(q -> q.replaceAll(".*cursorMark=", "")).containsExactly("c3", "c4", "c5");
        assertThat(r.records()).isEqualTo(20);
        assertThat(pmidsOnDisk()).hasSize(20).doesNotHaveDuplicates();

        requests.clear();
        assertThat(fetch(request("BRCA1", 2)).records()).as("a complete fetch asks nothing again").isEqualTo(20);
        assertThat(requests).isEmpty();
        assertThatThrownBy(() -> fetch(request("TP53", 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a fetch of another query (BRCA1)");
    }

    @Test
    void anEmptyResultWritesNoPage() throws Exception {
        pages = 0;
        EuropePmcFetcher.Result r = fetch(request("no such thing", 2));
        assertThat(r.pages()).isZero();
        assertThat(r.records()).isZero();
        assertThat(files()).containsExactly("_FETCH_STATE.json");
    }

    @Test
    void aRefusedRequestFailsAtOnceNamingThePage() {
        AtomicInteger calls = new AtomicInteger();
        fault = (n, c) -> {
            calls.incrementAndGet();
            return new Answer(400, "text/plain", "Invalid query syntax", Map.of());
        };
        assertThatThrownBy(() -> fetch(request("BRCA1 AND (", 5))).isInstanceOf(IOException.class)
                .hasMessageContaining("refused page 1 (cursor *): HTTP 400 Invalid query syntax");
        assertThat(calls).hasValue(1);
    }
}
