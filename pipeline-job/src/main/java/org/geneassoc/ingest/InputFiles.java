package org.geneassoc.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files an input path names: a file, a glob, or a folder read recursively (as {@code aws s3 cp
 * --recursive} lays one out). Inside folders, hidden and {@code _}-prefixed files and folders are skipped,
 * as Hadoop skips them ({@code _SUCCESS}, {@code .crc}), and each one skipped is named.
 *
 * @param files   the files to read, sorted
 * @param skipped the files and folders left out, sorted
 */
public record InputFiles(List<String> files, List<String> skipped) {
    private static final java.util.regex.Pattern GLOB = java.util.regex.Pattern.compile("[*?\\[\\]{}\\\\]");

    public static InputFiles list(String input, Configuration conf) throws IOException {
        Path p = new Path(input);
        FileSystem fs = p.getFileSystem(conf);
        // A path without glob characters is looked up as it is: globbing rebuilds each folder's name as a path of its
        // own, and a name with a colon ("2026-11-30T06:00:00Z") then reads as a URI scheme.
        FileStatus[] matches = GLOB.matcher(input).find() ? fs.globStatus(p) : fs.exists(p) ? new FileStatus[] {fs.getFileStatus(p)} : null;
        if (matches == null || matches.length == 0) {
            throw new IOException("Input path " + input + " does not exist");
        }
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FileStatus m : matches) {
            if (m.isDirectory()) {
                walk(fs, m, files, skipped);
            } else {
                files.add(m.getPath().toString());
            }
        }
        files.sort(Comparator.naturalOrder());
        skipped.sort(Comparator.naturalOrder());
        if (files.isEmpty()) {
            throw new IOException("Input path " + input + " holds no file to read"
                    + (skipped.isEmpty() ? "" : " (skipped as hidden or _-prefixed: " + String.join(", ", skipped) + ")"));
        }
        return new InputFiles(List.copyOf(files), List.copyOf(skipped));
    }

    private static void walk(FileSystem fs, FileStatus dir, List<String> files, List<String> skipped) throws IOException {
        FileStatus[] children = fs.listStatus(dir.getPath());
        Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus c : children) {
            String name = c.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                skipped.add(c.getPath().toString() + (c.isDirectory() ? "/" : ""));
            } else if (c.isDirectory()) {
                walk(fs, c, files, skipped);
            } else {
                files.add(c.getPath().toString());
            }
        }
    }
}
