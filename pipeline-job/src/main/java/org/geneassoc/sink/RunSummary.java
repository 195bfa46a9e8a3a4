package org.geneassoc.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a run did, written as {@code _SUMMARY.json} beside JSON Lines output and printed at the end.
 * {@code filesFailed} names the files that could not be read (and why), {@code filesSkipped} the hidden
 * and {@code _}-prefixed files and folders inside input folders that were not read.
 * With entity recognition, {@code sentences} counts the sentences of the articles that name a gene and a
 * disease, {@code premisesScored} the sentences naming both that the sentence head scored (one per pair),
 * {@code candidatePairs} every (gene, disease) pair the relation model scored and {@code associations}
 * those it kept; the abstract screen is not used ({@code abstractsScreened} 0). Without it, the screen
 * sees every abstract and {@code premisesScored} counts the sentences of those it passes. {@code skippedExisting}
 * counts the article records not processed because the output held their document from {@code modelVersion}
 * ({@code --skip-existing}).
 */
public record RunSummary(long filesRead, List<String> filesFailed, List<String> filesSkipped, long recordsParsed, Map<String, Long> recordsRejected,
                         List<String> rejectedSamples, long recordsWithoutAbstract, long duplicateRecords, long skippedExisting,
                         long abstracts, long abstractsScreened, long abstractsScreenedIn, boolean entityRecognition, long sentences,
                         long premisesScored, long candidatePairs, long associations, long documentsWritten, String output, String modelVersion,
                         double seconds) {

    public static final String FILE = "_SUMMARY.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void writeTo(String dir, Configuration hadoopConf) throws IOException {
        Path p = new Path(dir, FILE);
        FileSystem fs = p.getFileSystem(hadoopConf);
        try (OutputStream out = fs.create(p, true)) {
            out.write(toJson().getBytes(StandardCharsets.UTF_8));
        }
    }
}
