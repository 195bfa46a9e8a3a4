package org.geneassoc.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** Model folders on S3 (or any Hadoop file system) copied to local disk, where native libraries can read them. */
public final class LocalFolders {
    private LocalFolders() {
    }

    /** No scheme, {@code file:}, or a Windows drive letter ({@code C:\\models}). */
    public static boolean isLocal(String location) {
        String scheme = URI.create(location.replace(" ", "%20").replace("\\", "/")).getScheme();
        return scheme == null || "file".equals(scheme) || scheme.length() == 1;
    }

    /** A local location as a path; {@code file:} URIs included. */
    public static Path localPath(String location) {
        return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    }

    /** A local path as it is; a remote folder copied once into a new temporary folder, deleted when the JVM exits. */
    public static Path of(String location, String what) throws IOException {
        if (isLocal(location)) {
            Path p = localPath(location);
            if (!Files.isDirectory(p)) {
                throw new IOException(what + " " + location + " does not exist");
            }
            return p;
        }
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(location);
        if (!remote.getFileSystem(new Configuration()).exists(remote)) {
            throw new IOException(what + " " + location + " does not exist");
        }
        Path temp = Files.createTempDirectory("geneassoc-model");
        Path local = temp.resolve(remote.getName());
        copyTo(location, local);
        deleteOnExit(temp);
        return local;
    }

    /**
     * A copied folder and everything in it, deleted when the JVM exits. Registered parents first: the JVM deletes
     * in reverse order, so a folder is empty when its turn comes, and one registered later (a sibling copied into
     * the same temporary folder) goes before the folder that holds it.
     */
    public static void deleteOnExit(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.forEach(f -> f.toFile().deleteOnExit());
        }
    }

    public static void copyTo(String remoteFolder, Path local) throws IOException {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(remoteFolder);
        FileSystem fs = remote.getFileSystem(new Configuration());
        fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
    }

    /** Whether a folder exists, local or remote. */
    public static boolean exists(String location) throws IOException {
        if (isLocal(location)) {
            return Files.isDirectory(localPath(location));
        }
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
        return p.getFileSystem(new Configuration()).exists(p);
    }
}
