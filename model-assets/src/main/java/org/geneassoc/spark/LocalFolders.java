package org.geneassoc.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** Model folders on S3 (or any Hadoop file system) copied to local disk, where native libraries can read them. */
public final class LocalFolders {
    private LocalFolders() {
    }

    public static boolean isLocal(String location) {
        String scheme = URI.create(location.replace(" ", "%20")).getScheme();
        return scheme == null || "file".equals(scheme);
    }

    /** A local path as it is; a remote folder copied once into a new temporary folder. */
    public static Path of(String location, String what) throws IOException {
        if (isLocal(location)) {
            Path p = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            if (!Files.isDirectory(p)) {
                throw new IOException(what + " " + location + " does not exist");
            }
            return p;
        }
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(location);
        if (!remote.getFileSystem(new Configuration()).exists(remote)) {
            throw new IOException(what + " " + location + " does not exist");
        }
        Path local = Files.createTempDirectory("geneassoc-model").resolve(remote.getName());
        copyTo(location, local);
        return local;
    }

    public static void copyTo(String remoteFolder, Path local) throws IOException {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(remoteFolder);
        FileSystem fs = remote.getFileSystem(new Configuration());
        fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
    }

    /** Whether a folder exists, local or remote. */
    public static boolean exists(String location) throws IOException {
        if (isLocal(location)) {
            return Files.isDirectory(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
        }
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
        return p.getFileSystem(new Configuration()).exists(p);
    }
}
