package org.geneassoc.cdk.rehearsal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * S3 as the job role sees it: a proxy in front of S3Proxy that records every request (method, path, query) with
 * what IAM would check for it, answers 403 AccessDenied where the role's policy does not allow it, as S3 would,
 * and forwards the rest.
 */
final class GuardedS3 implements AutoCloseable {
    /** One request the job made, and whether the role's policy allowed it. */
    record Call(String method, String target, List<RolePolicy.Request> checks, boolean allowed) {
        @Override
        public String toString() {
            return (allowed ? "" : "DENIED ") + method + " " + target + " " + checks;
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "date", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final RolePolicy policy;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    GuardedS3(URI upstream, RolePolicy policy) throws IOException {
        this.upstream = upstream;
        this.policy = policy;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void forget() {
        calls.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            URI uri = ex.getRequestURI();
            byte[] body = ex.getRequestBody().readAllBytes();
            List<RolePolicy.Request> checks = S3Requests.of(method, uri.getRawPath(), uri.getRawQuery(),
                    ex.getRequestHeaders().getFirst("x-amz-copy-source"), body);
            boolean allowed = !checks.isEmpty() && checks.stream().allMatch(policy::allows);
            calls.add(new Call(method, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), checks, allowed));
            if (!allowed) {
                byte[] denied = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied"
                        + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/xml");
                if (method.equals("HEAD")) {
                    ex.sendResponseHeaders(403, -1);
                } else {
                    ex.sendResponseHeaders(403, denied.length);
                    ex.getResponseBody().write(denied);
                }
                return;
            }
            forward(ex, method, uri, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void forward(HttpExchange ex, String method, URI uri, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase()) && !h.getKey().startsWith(":")) {
                ex.getResponseHeaders().put(h.getKey(), h.getValue());
            }
        }
        try (InputStream in = response.body()) {
            if (method.equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304) {
                if (length >= 0 && method.equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Length", Long.toString(length));
                }
                ex.sendResponseHeaders(response.statusCode(), -1);
                return;
            }
            // HttpServer reads 0 as "chunked" and -1 as "no body".
            ex.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
            try (OutputStream out = ex.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
