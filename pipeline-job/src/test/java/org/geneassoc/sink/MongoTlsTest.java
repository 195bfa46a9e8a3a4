package org.geneassoc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hadoop.conf.Configuration;
import org.bson.Document;
import org.geneassoc.job.JobRunner;
import org.geneassoc.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB over TLS with a certificate from a CA of the test's own making (as Amazon DocumentDB's or a company's):
 * a real handshake with a wire-protocol server; the job trusts the CA only when given its bundle, only for MongoDB.
 */
class MongoTlsTest {
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static MongoServer server;
    private static String uri;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.make(dir);
        server = new MongoServer(new MemoryBackend());
        server.enableSsl(certificates.serverKey(), null, certificates.serverCertificate(), certificates.caCertificate());
        server.bind("127.0.0.1", 0);
        int port = server.getLocalAddress().getPort();
        uri = "mongodb://127.0.0.1:" + port + "/?tls=true&serverSelectionTimeoutMS=4000&connectTimeoutMS=4000";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    /** What the JVM trusts by default: the identity of its default context and its trusted CAs' subjects. */
    private static List<Object> defaultTrust() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<Object> trust = new ArrayList<>();
        trust.add(System.identityHashCode(SSLContext.getDefault()));
        trust.add(System.getProperty("javax.net.ssl.trustStore"));
        for (var c : ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers()) {
            trust.add(c.getSubjectX500Principal().getName());
        }
        return trust;
    }

    @Test
    void withTheCaBundleTheJobWritesItsDocumentsAndTheJvmsDefaultTrustStaysAsItWas() throws Exception {
        List<Object> before = defaultTrust();
        JobRunner.Result run = JobRunner.run("--input", "../samples/europepmc-sample.xml", "--output", dir.resolve("out").toString(),
                "--mongo-uri", uri, "--mongo-database", "tls", "--mongo-ca-bundle", certificates.caPem().toString(), "--skip-existing");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String pem = Files.readString(certificates.caPem());
        MongoClientSettings trusting = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToSslSettings(s -> s.enabled(true).context(CaBundle.context(pem))).build();
        try (MongoClient client = MongoClients.create(trusting)) {
            List<Document> docs = client.getDatabase("tls").getCollection("pubmedArticles").find().into(new ArrayList<>());
            assertThat(docs).hasSize(4).extracting(d -> d.getString("_id")).contains("90000001");
        }
        assertThat(defaultTrust()).as("the JVM-wide trust after the run").isEqualTo(before)
                .as("the test's CA is not trusted JVM-wide").doesNotContain(certificates.caCertificate().getSubjectX500Principal().getName());
    }

    @Test
    void withoutItTheRunFailsNamingTlsAndTheCa() {
        JobRunner.Result run = JobRunner.run("--input", "../samples/europepmc-sample.xml", "--output", dir.resolve("untrusted").toString(),
                "--mongo-uri", uri, "--mongo-database", "untrusted", "--mongo-write-attempts", "1");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("TLS certificate does not chain to a certificate authority", "--mongo-ca-bundle")
                .doesNotContain("\tat com.mongodb");
    }

    @Test
    void aBadBundleFailsAtStartUpNamingTheFileAndWhatIsWrong(@TempDir Path bad) throws Exception {
        Configuration conf = new Configuration();
        Path empty = Files.writeString(bad.resolve("empty.pem"), "");
        assertThatThrownBy(() -> CaBundle.read(empty.toString(), conf)).hasMessageContaining(empty.toString()).hasMessageContaining("empty");
        Path notPem = Files.writeString(bad.resolve("key.txt"), "ssh-rsa AAAAB3Nza user@host\n");
        assertThatThrownBy(() -> CaBundle.read(notPem.toString(), conf)).hasMessageContaining(notPem.toString())
                .hasMessageContaining("no PEM certificate");
        Path broken = Files.writeString(bad.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> CaBundle.read(broken.toString(), conf)).hasMessageContaining(broken.toString())
                .hasMessageContaining("not a PEM bundle of X.509 certificates");
        assertThatThrownBy(() -> CaBundle.read(bad.resolve("missing.pem").toString(), conf)).hasMessageContaining("missing.pem")
                .hasMessageContaining("cannot be read");
        String two = Files.readString(certificates.caPem()) + Files.readString(certificates.caPem());
        assertThat(CaBundle.certificates(two, "two")).hasSize(2);

        JobRunner.Result run = JobRunner.run("--input", "../samples/europepmc-sample.xml", "--output", bad.resolve("out").toString(),
                "--mongo-uri", uri, "--mongo-ca-bundle", empty.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains(empty.toString(), "empty");
    }
}
