package org.geneassoc.sink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A PEM bundle of the certificate authorities a MongoDB's TLS certificate chains to (Amazon DocumentDB's
 * {@code global-bundle.pem}, a company's internal CA): read once at start-up, from a local path or any file
 * system Hadoop reaches ({@code s3://}), and made into a trust store in memory for the MongoDB connection only.
 * Nothing JVM-wide changes: S3, Secrets Manager and Europe PMC keep the JVM's default trust.
 */
public final class CaBundle {
    /** Bigger than any real bundle (DocumentDB's is about 160 KB): a larger file is not one. */
    private static final long MAX_BYTES = 4L << 20;
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final Map<String, SSLContext> CONTEXTS = new ConcurrentHashMap<>();

    private CaBundle() {
    }

    /** The bundle's text, checked: it fails naming {@code location} and what is wrong with it. */
    public static String read(String location, Configuration conf) {
        Path p = new Path(location);
        byte[] bytes;
        try {
            FileSystem fs = p.getFileSystem(conf);
            long size = fs.getFileStatus(p).getLen();
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("mongoCaBundle " + location + " is " + size + " bytes; a PEM bundle of CA certificates "
                        + "is at most a few hundred KB");
            }
            try (InputStream in = fs.open(p)) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("mongoCaBundle " + location + " cannot be read: " + e.getMessage(), e);
        }
        String pem = new String(bytes, StandardCharsets.US_ASCII);
        certificates(pem, "mongoCaBundle " + location);
        return pem;
    }

    /** The X.509 certificates of a PEM bundle; {@code where} names it in the error when it holds none or a bad one. */
    static List<X509Certificate> certificates(String pem, String where) {
        if (!pem.contains(BEGIN)) {
            throw new IllegalArgumentException(where + " holds no PEM certificate (no '" + BEGIN + "' line)"
                    + (pem.isBlank() ? ": it is empty" : ""));
        }
        Collection<? extends Certificate> read;
        try {
            read = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(where + " is not a PEM bundle of X.509 certificates: " + e.getMessage(), e);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : read) {
            out.add((X509Certificate) c);
        }
        int begins = pem.split(java.util.regex.Pattern.quote(BEGIN), -1).length - 1;
        if (out.size() != begins) {
            throw new IllegalArgumentException(where + " has " + begins + " '" + BEGIN + "' lines but " + out.size()
                    + " readable certificates");
        }
        return out;
    }

    /** A TLS context that trusts exactly the bundle's certificates (one per bundle text, built once per JVM). */
    public static SSLContext context(String pem) {
        return CONTEXTS.computeIfAbsent(pem, CaBundle::build);
    }

    private static SSLContext build(String pem) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates(pem, "the MongoDB CA bundle")) {
                trusted.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a trust store of the MongoDB CA bundle: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
