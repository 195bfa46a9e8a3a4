package org.geneassoc.ingest;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk under the scheme {@code faulty:}, where opening a file whose name contains
 * "unreadable" fails the way a remote store's read can (a 503, a reset connection): listing works,
 * reading does not; and where creating a file named {@code _COMPLETE} under a folder whose name contains
 * "dies-before-complete" fails, as a run killed after writing its documents and ledger would leave them.
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
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        refuseMark(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        refuseMark(f);
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    private static void refuseMark(Path f) throws IOException {
        if (f.getName().equals("_COMPLETE") && f.toString().contains("dies-before-complete")) {
            throw new IOException("simulated end of the run before " + f);
        }
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().contains("unreadable")) {
            throw new IOException("simulated read failure: 503 Slow Down (" + f + ")");
        }
        return super.open(f, bufferSize);
    }
}
