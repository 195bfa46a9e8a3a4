package org.geneassoc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.geneassoc.config.JobConfig;

/**
 * What decides a document's content besides its article: every file of the models folder (manifest, sentence
 * heads, relation model, encoder, vocabulary) and the thresholds. Its SHA-256 (first 16 hex digits) is each
 * document's {@code modelVersion}; {@code --skip-existing} skips only documents of the same version, so a new
 * model or threshold reprocesses everything.
 */
public final class ModelVersion {
    private ModelVersion() {
    }

    public static String of(JobConfig cfg, Configuration conf) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path root = new Path(cfg.models().root());
        FileSystem fs = root.getFileSystem(conf);
        List<Path> files = new ArrayList<>();
        RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            FileStatus f = it.next();
            if (!f.getPath().getName().startsWith(".")) {
                files.add(f.getPath());
            }
        }
        String prefix = fs.makeQualified(root).toString();
        List<String> names = files.stream().map(p -> fs.makeQualified(p).toString().substring(prefix.length())).sorted().toList();
        byte[] buffer = new byte[1 << 16];
        for (String name : names) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = fs.open(new Path(prefix + name))) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        sha.update(("thresholds " + cfg.associationThreshold() + " " + cfg.sentenceThreshold() + " " + cfg.abstractThreshold())
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
