package org.geneassoc.ingest;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@code faulty:}, where opening a file whose name contains
 * "unreadable" fails the way a remote store's read can (a 503, a reset connection): listing works,
 * reading does not.
 */
public class FaultyFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "faulty";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().contains("unreadable")) {
            throw new IOException("simulated read failure: 503 Slow Down (" + f + ")");
        }
        return super.open(f, bufferSize);
    }
}
