package org.geneassoc.config;

import java.io.Serializable;
import org.geneassoc.ingest.FetchRequest;
import org.geneassoc.ingest.InputFormat;
import org.geneassoc.models.ModelsFolder;

/**
 * The GDA job's settings after merging (lowest first) built-in defaults, {@code config/*.json},
 * JSON files shipped with {@code --files} (read from SparkFiles), the environment and the flags.
 * Validated once by {@link ConfigLoader}; a JobConfig that exists is a usable one. See {@link Setting}.
 *
 * @param mongoUri      when set, documents go to MongoDB instead of JSON Lines
 * @param mongoSecretId an AWS Secrets Manager secret holding the MongoDB URI (EMR); read at start-up
 * @param mongoCaBundle a PEM bundle of the CAs MongoDB's TLS certificate chains to, or null for the JVM's default trust
 * @param skipExisting  skip articles the output already holds from this model version
 * @param report        also write {@code _REPORT.html} into {@code output}
 * @param fetch         a Europe PMC search to fetch into {@code input} before reading it, or null
 */
public record JobConfig(String input, String output, InputFormat format,
                        double associationThreshold, double sentenceThreshold, double abstractThreshold, ModelsFolder models,
                        String mongoUri, String mongoSecretId, String mongoCaBundle, String mongoDatabase, String mongoCollection,
                        int mongoWriteAttempts, int mongoRetrySeconds, boolean failOnBadInput, boolean skipExisting,
                        boolean report, FetchRequest fetch)
        implements Serializable {

    public boolean writesToMongo() {
        return mongoUri != null;
    }

    /** The same settings with other thresholds: evaluation scores once at 0 and filters afterwards. */
    public JobConfig withThresholds(double associationThreshold, double sentenceThreshold, double abstractThreshold) {
        return new JobConfig(input, output, format, associationThreshold, sentenceThreshold, abstractThreshold, models, mongoUri, mongoSecretId, mongoCaBundle,
                mongoDatabase, mongoCollection, mongoWriteAttempts, mongoRetrySeconds, failOnBadInput, skipExisting, report, fetch);
    }

    /** The same settings reading other input and writing JSON Lines to another folder (benchmarks). */
    public JobConfig withInputAndOutput(String input, String output) {
        return new JobConfig(input, output, format, associationThreshold, sentenceThreshold, abstractThreshold, models, null, null, null,
                mongoDatabase, mongoCollection, mongoWriteAttempts, mongoRetrySeconds, failOnBadInput, skipExisting, report, fetch);
    }

    /** The settings as they may be printed: the MongoDB URI's password masked and its options left out (they may hold secrets too). */
    public String describe() {
        return "input=" + input + " output=" + (writesToMongo() ? "mongodb " + mongoDatabase + "." + mongoCollection + " at "
                + mongoUri.replaceAll("(//[^:/@]+):[^@]*@", "$1:****@").replaceAll("\\?.*$", "?…")
                + (mongoCaBundle == null ? "" : " trusting the CAs of " + mongoCaBundle) : output) + " format=" + format.flag()
                + " associationThreshold=" + associationThreshold + " sentenceThreshold=" + sentenceThreshold
                + " abstractThreshold=" + abstractThreshold + " models=" + models;
    }
}
