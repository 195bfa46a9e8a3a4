package org.geneassoc.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.config.ConfigLoader;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.MongoSecret;
import org.geneassoc.job.GdaJob;
import org.geneassoc.sink.RunSummary;
import org.geneassoc.spark.Sessions;
import org.geneassoc.training.ModelLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code geneassoc run}: the GDA job. Exit 0 when every file was read, 3 when some failed (the rest is written). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find gene-disease association sentences in article records and write one document per article.",
                "Settings merge, lowest first: config/*.json, JSON files shipped with spark-submit --files "
                        + "(read from SparkFiles), the environment (MONGODB_CONNECTION_URI, GENEASSOC_MODELS), the flags."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all input files read, documents written", "1:bad configuration, missing input or failed run",
                "2:unknown flag or malformed flag value", "3:documents written, but some input files could not be read (see the summary)"})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Article file, directory or glob; local or s3a://; plain or gzip.")
    String input;

    @Option(names = "--output", paramLabel = "DIR", description = "JSON Lines output folder, replaced on each run (default: geneassoc-output).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "auto (default), europepmc-xml, europepmc-json or pubmed-xml.")
    String format;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not launched by spark-submit (default: local[*]).")
    String master;

    @Option(names = "--abstract-threshold", paramLabel = "X", description = "Keep abstracts whose classifier score is at least X (default 0.8, config/geneassoc.json).")
    String abstractThreshold;

    @Option(names = "--sentence-threshold", paramLabel = "Y", description = "Keep sentences whose score is at least Y (default 0.7, config/geneassoc.json).")
    String sentenceThreshold;

    @Option(names = "--models", paramLabel = "DIR|URI", description = "Models root holding gda-classifier/ and encoder/ (default: the built model-assets/target/models).")
    String models;

    @Option(names = "--mongo-uri", paramLabel = "URI", description = "Write to MongoDB instead of JSON Lines (or set MONGODB_CONNECTION_URI).")
    String mongoUri;

    @Option(names = "--mongo-secret-id", paramLabel = "ID", description = "AWS Secrets Manager secret holding the MongoDB URI (EMR).")
    String mongoSecretId;

    @Option(names = "--mongo-database", paramLabel = "NAME", description = "MongoDB database (default: geneassoc).")
    String mongoDatabase;

    @Option(names = "--mongo-collection", paramLabel = "NAME", description = "MongoDB collection (default: pubmedArticles).")
    String mongoCollection;

    @Option(names = "--config", paramLabel = "DIR", description = "Folder of *.json defaults (default: ./config, or -Dgeneassoc.config).")
    Path configDir;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = Sessions.getOrCreate("geneassoc-gda", master);
        JobConfig cfg = config(spark);
        System.err.println("geneassoc run: " + cfg.describe());
        RunSummary summary;
        try (AutoCloseable progress = Progress.startIfTerminal()) {
            summary = GdaJob.run(spark, cfg);
        }
        System.out.println(summary.toJson());
        System.out.printf("%d documents with %d GDA entries written to %s%s in %.1f s%n", summary.documentsWritten(),
                summary.gdaEntries(), summary.output(), cfg.writesToMongo() ? "" : " (summary: " + RunSummary.FILE + ")",
                summary.seconds());
        if (!summary.filesFailed().isEmpty()) {
            System.err.println("Some input files could not be read; their records were skipped:");
            summary.filesFailed().forEach(f -> System.err.println("  " + f));
            return 3;
        }
        return 0;
    }

    private JobConfig config(SparkSession spark) throws Exception {
        Map<String, String> flags = new HashMap<>();
        flags.put("input", input);
        flags.put("output", output);
        flags.put("format", format);
        flags.put("abstractThreshold", abstractThreshold);
        flags.put("sentenceThreshold", sentenceThreshold);
        flags.put("models", models);
        flags.put("mongoUri", mongoUri);
        flags.put("mongoSecretId", mongoSecretId);
        flags.put("mongoDatabase", mongoDatabase);
        flags.put("mongoCollection", mongoCollection);
        return settings(configDir, flags).resolveSecrets(MongoSecret::read).build();
    }

    /** Every source but the secrets, lowest first: config/*.json, SparkFiles (EMR --files), environment, flags. */
    static ConfigLoader settings(Path configDir, Map<String, String> flags) throws Exception {
        Path dir = configDir != null ? configDir : Path.of(System.getProperty("geneassoc.config", "config"));
        return new ConfigLoader()
                .jsonFolder(dir)
                .jsonFolder(Path.of(SparkFiles.getRootDirectory()))
                .environment(System.getenv())
                .flags(flags)
                .fallback("models", ModelLocations.modelsRoot());
    }
}
