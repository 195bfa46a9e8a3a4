package org.geneassoc.config;

import java.io.Serializable;
import org.geneassoc.ingest.InputFormat;

/**
 * The GDA job's settings after merging (lowest first) built-in defaults, {@code config/*.json},
 * JSON files shipped with {@code --files} (read from SparkFiles), the environment and the flags.
 * Validated once by {@link ConfigLoader}; a JobConfig that exists is a usable one.
 *
 * @param models        the models root: a folder holding {@code gda-classifier/} and {@code encoder/}
 * @param mongoUri      when set, documents go to MongoDB instead of JSON Lines
 * @param mongoSecretId an AWS Secrets Manager secret holding the MongoDB URI (EMR); read at start-up
 */
public record JobConfig(String input, String output, InputFormat format,
                        double abstractThreshold, double sentenceThreshold, String hypothesis, String models,
                        String mongoUri, String mongoSecretId, String mongoDatabase, String mongoCollection)
        implements Serializable {

    public boolean writesToMongo() {
        return mongoUri != null;
    }

    public String classifierPath() {
        return models.endsWith("/") ? models + "gda-classifier" : models + "/gda-classifier";
    }

    public String vocabularyPath() {
        return models.endsWith("/") ? models + "vocabulary" : models + "/vocabulary";
    }

    /** The settings as they may be printed: the MongoDB URI's password masked. */
    public String describe() {
        return "input=" + input + " output=" + (writesToMongo() ? "mongodb " + mongoDatabase + "." + mongoCollection + " at "
                + mongoUri.replaceAll("(//[^:/@]+):[^@]*@", "$1:****@") : output) + " format=" + format.flag()
                + " abstractThreshold=" + abstractThreshold + " sentenceThreshold=" + sentenceThreshold + " models=" + models;
    }
}
