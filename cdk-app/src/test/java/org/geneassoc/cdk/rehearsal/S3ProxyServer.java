package org.geneassoc.cdk.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * S3Proxy (Maven Central {@code org.gaul:s3proxy}, a real S3 REST server) on a folder, in a JVM of its own, with
 * one bucket. Objects are put through its REST API, so they carry the ETags Hadoop's S3A change detection needs.
 */
final class S3ProxyServer implements AutoCloseable {
    private final Jvm jvm;
    private final URI endpoint;
    private final String bucket;
    private final HttpClient client = HttpClient.newHttpClient();

    private S3ProxyServer(Jvm jvm, URI endpoint, String bucket) {
        this.jvm = jvm;
        this.endpoint = endpoint;
        this.bucket = bucket;
    }

    static S3ProxyServer start(Path jar, Path dir, String bucket) throws IOException, InterruptedException {
        int port = Jvm.freePort();
        Path data = Files.createDirectories(dir.resolve("data"));
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=none",
                "jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + data, ""));
        Jvm jvm = Jvm.start(List.of("-Xmx512m"), jar.toString(), "org.gaul.s3proxy.Main", List.of("--properties", properties.toString()),
                Map.of(), dir.resolve("s3proxy.log"));
        try {
            jvm.awaitLog("Started Server", Duration.ofSeconds(60));
            S3ProxyServer s3 = new S3ProxyServer(jvm, URI.create("http://127.0.0.1:" + port), bucket);
            s3.send(HttpRequest.newBuilder(s3.endpoint.resolve("/" + bucket)).PUT(HttpRequest.BodyPublishers.noBody()), "create bucket");
            return s3;
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The caller gets no server to close: stop its JVM here rather than leave it running.
            jvm.close();
            throw e;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    void put(String key, Path file) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(endpoint.resolve("/" + bucket + "/" + key)).PUT(HttpRequest.BodyPublishers.ofFile(file)), key);
    }

    void putBytes(String key, byte[] content) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(endpoint.resolve("/" + bucket + "/" + key)).PUT(HttpRequest.BodyPublishers.ofByteArray(content)), key);
    }

    /** Every file under {@code folder}, under {@code prefix}, as BucketDeployment would put them. */
    void putFolder(String prefix, Path folder) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            put(prefix + folder.relativize(f).toString().replace('\\', '/'), f);
        }
    }

    /** The object's content, or null when there is none. */
    byte[] get(String key) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(endpoint.resolve("/" + bucket + "/" + key)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? r.body() : null;
    }

    /** The keys under a prefix (first 1000). */
    List<String> list(String prefix) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(endpoint.resolve("/" + bucket + "?list-type=2&prefix=" + prefix)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return java.util.regex.Pattern.compile("<Key>([^<]*)</Key>").matcher(r.body()).results().map(m -> m.group(1)).toList();
    }

    private void send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("S3Proxy refused " + what + ": " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
