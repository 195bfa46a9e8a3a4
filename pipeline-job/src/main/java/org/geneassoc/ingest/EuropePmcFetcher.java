package org.geneassoc.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Fetches a Europe PMC REST search ({@code resultType=core}, XML) page by page with {@code cursorMark}, into a
 * folder {@code run} reads: one gzip file per page ({@code page-000001.xml.gz}, …), written under a {@code _}
 * name and renamed when complete, then {@link FetchState} updated. A request that meets a 429 (after its
 * Retry-After, never longer than {@link #MAX_RETRY_AFTER}), a 5xx, a timeout, an HTML page, a body larger than
 * the cap or one that is not whole XML (a hit count that is not a number included) is retried with backoff; when
 * the attempts run out the fetch fails naming the page, and everything fetched before stays, ready to resume.
 */
public final class EuropePmcFetcher {
    /** Waits between attempts and requests; tests pass one that records instead of sleeping. */
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    /** What a finished fetch wrote. */
    public record Result(int pages, long records, long hitCount, int resumedAfterPage) {
    }

    private record Page(byte[] body, long hitCount, String nextCursor, int records) {
    }

    /** The longest a server's Retry-After is obeyed: a longer one would stall the run for hours; it is waited this long, as one attempt. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
    /** The largest page body read: a page of 1,000 core records is a few MB; anything near this is not a page. */
    static final long MAX_BODY_BYTES = 256L * 1024 * 1024;

    private final HttpClient client;
    private final Pause pause;
    private final long maxBodyBytes;
    private long lastRequest;

    public EuropePmcFetcher() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NORMAL).build(),
                d -> Thread.sleep(d.toMillis()), MAX_BODY_BYTES);
    }

    EuropePmcFetcher(HttpClient client, Pause pause, long maxBodyBytes) {
        this.client = client;
        this.pause = pause;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Result fetch(FetchRequest request, String output, Configuration conf, Consumer<String> progress) throws IOException {
        try {
            return fetchPages(request, output, conf, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Fetch into " + output + " interrupted; run it again to resume");
        }
    }

    private Result fetchPages(FetchRequest request, String output, Configuration conf, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path dir = new Path(output);
        FileSystem fs = dir.getFileSystem(conf);
        fs.mkdirs(dir);
        FetchState state = FetchState.read(dir, conf);
        if (state != null && !state.searchQuery().equals(request.searchQuery())) {
            throw new IllegalArgumentException(output + " holds a fetch of another query (" + state.searchQuery()
                    + "); fetch \"" + request.searchQuery() + "\" into another folder");
        }
        int resumedAfter = state == null ? 0 : state.pages();
        if (state == null) {
            state = FetchState.start(request.searchQuery());
        } else if (!state.complete()) {
            progress.accept("fetch: resuming after page " + state.pages() + " (" + state.records() + " records)");
        }
        while (!state.complete()) {
            int number = state.pages() + 1;
            Page page = page(request, state.nextCursor(), number);
            if (page.records == 0) {
                state = state.finished(page.hitCount);
            } else {
                Path part = new Path(dir, String.format(Locale.ROOT, "page-%06d.xml.gz", number));
                Path partial = new Path(dir, "_" + part.getName() + ".partial");
                try (OutputStream out = new GZIPOutputStream(fs.create(partial, true))) {
                    out.write(page.body);
                }
                fs.delete(part, false);
                if (!fs.rename(partial, part)) {
                    throw new IOException("Cannot rename " + partial + " to " + part);
                }
                boolean last = page.nextCursor == null || page.nextCursor.equals(state.nextCursor());
                state = state.next(page.nextCursor, page.records, page.hitCount, last);
                progress.accept(String.format(Locale.ROOT, "fetch: page %d, %,d of %,d records", number, state.records(), state.hitCount()));
            }
            state.write(dir, conf);
        }
        return new Result(state.pages(), state.records(), state.hitCount(), resumedAfter);
    }

    private Page page(FetchRequest request, String cursor, int number) throws IOException, InterruptedException {
        URI uri = URI.create(request.baseUrl().toString().replaceAll("/+$", "") + "/search?query="
                + URLEncoder.encode(request.searchQuery(), StandardCharsets.UTF_8) + "&resultType=core&format=xml&pageSize="
                + request.pageSize() + "&cursorMark=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        String problem = null;
        Duration wait = Duration.ofSeconds(request.retrySeconds());
        for (int attempt = 1; attempt <= request.attempts(); attempt++) {
            if (attempt > 1) {
                pause.sleep(wait);
                wait = wait.multipliedBy(2);
            }
            pace(request.intervalMillis());
            HttpResponse<java.io.InputStream> response;
            byte[] body;
            try {
                response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                        .header("Accept", "application/xml").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                body = readCapped(response.body());
                if (body == null) {
                    problem = "a body over " + maxBodyBytes + " bytes";
                    continue;
                }
            } catch (HttpTimeoutException e) {
                problem = "timed out";
                continue;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                continue;
            }
            int status = response.statusCode();
            if (status == 429) {
                problem = "HTTP 429 (too many requests)";
                Duration after = retryAfter(response);
                if (after != null) {
                    wait = after.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : after;
                }
                continue;
            }
            if (status >= 500) {
                problem = "HTTP " + status;
                continue;
            }
            if (status != 200) {
                throw new IOException("Europe PMC refused page " + number + " (cursor " + cursor + "): HTTP " + status + " "
                        + firstLine(body) + " (" + uri + ")");
            }
            String type = response.headers().firstValue("content-type").orElse("");
            if (type.contains("html") || firstLine(body).toLowerCase(Locale.ROOT).matches("\\s*<(!doctype html|html).*")) {
                problem = "an HTML page instead of XML";
                continue;
            }
            try {
                return parse(body);
            } catch (XMLStreamException e) {
                problem = "a body that is not whole XML (" + e.getMessage().lines().findFirst().orElse("") + ")";
            }
        }
        throw new IOException("Europe PMC page " + number + " (cursor " + cursor + ") failed " + request.attempts()
                + " attempts, the last with " + problem + "; pages before it are kept: run the same fetch again to resume (" + uri + ")");
    }

    private void pace(int intervalMillis) throws InterruptedException {
        long since = (System.nanoTime() - lastRequest) / 1_000_000;
        if (lastRequest != 0 && since < intervalMillis) {
            pause.sleep(Duration.ofMillis(intervalMillis - since));
        }
        lastRequest = System.nanoTime();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("retry-after").map(v -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /** The page's hit count, next cursor and records; throws when the XML is not whole (a truncated body). */
    private static Page parse(byte[] body) throws XMLStreamException {
        XMLStreamReader r = SafeXml.open(new ByteArrayInputStream(body));
        long hitCount = -1;
        String next = null;
        int records = 0;
        int depth = 0;
        boolean wrapper = false;
        try {
            while (r.hasNext()) {
                int event = r.next();
                SafeXml.refuseDtd(r);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = r.getLocalName();
                    if (depth == 1) {
                        wrapper = name.equals("responseWrapper");
                    } else if (depth == 2 && name.equals("hitCount")) {
                        String text = SafeXml.textOf(r).strip();
                        try {
                            hitCount = Long.parseLong(text);
                        } catch (NumberFormatException e) {
                            throw new XMLStreamException("hitCount '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "' is not a number");
                        }
                        depth--;
                    } else if (depth == 2 && name.equals("nextCursorMark")) {
                        next = SafeXml.textOf(r).strip();
                        depth--;
                    } else if (depth == 3 && name.equals("result")) {
                        records++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } finally {
            r.close();
        }
        if (!wrapper) {
            throw new XMLStreamException("no responseWrapper element");
        }
        return new Page(body, hitCount, next, records);
    }

    /** The body, or null when it is larger than the cap (then it is not read further). */
    private byte[] readCapped(java.io.InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return bytes.length > maxBodyBytes ? null : bytes;
        }
    }

    private static String firstLine(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
