package org.geneassoc.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.config.ConfigLoader;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.MongoSecret;
import org.geneassoc.sink.MongoConnection;
import org.geneassoc.config.Setting;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.sink.RunSummary;
import org.geneassoc.spark.LocalFolders;
import org.geneassoc.spark.Sessions;

/**
 * The job as a command: flags in, run summary and exit code out. Exit 0 when every file was read, 1 for
 * bad configuration or a failed run, 2 for a bad flag, 3 when some input files could not be read and the
 * user asked for that to fail the run, or when no file could be read. Failures end in one clear line on stderr (the stack trace with GENEASSOC_DEBUG=1).
 */
public final class JobCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SOME_INPUT_UNREADABLE = 3;

    private JobCommand() {
    }

    /**
     * @param watcher started with the run's metrics before the run and closed after it: a terminal
     *                progress line locally, nothing on EMR
     */
    public static int execute(String[] args, Function<RunMetrics, AutoCloseable> watcher) {
        JobArgs parsed;
        try {
            parsed = JobArgs.parse(args);
        } catch (JobArgs.UsageException e) {
            System.err.println("error: " + e.getMessage());
            return USAGE;
        }
        if (parsed.help()) {
            System.out.print(JobArgs.usage("geneassoc run"));
            return OK;
        }
        try {
            SparkSession spark = Sessions.getOrCreate("geneassoc-gda", parsed.master());
            ConfigLoader loaded = settings(parsed.flags(), parsed.configFolder(), parsed.config() != null);
            requireModelsOnCluster(loaded, spark.sparkContext().master());
            JobConfig cfg = loaded.resolveSecrets(MongoSecret::read).build();
            System.err.println("geneassoc run: " + cfg.describe());
            RunMetrics metrics = RunMetrics.register(spark.sparkContext());
            RunSummary summary;
            try (AutoCloseable w = watcher.apply(metrics)) {
                summary = GdaJob.run(spark, cfg, metrics);
            }
            System.out.println(summary.toJson());
            System.out.printf("%d documents with %d associations written to %s%s%s in %.1f s%n", summary.documentsWritten(),
                    summary.associations(), summary.output(), cfg.writesToMongo() ? "" : " (summary: " + RunSummary.FILE + ")",
                    cfg.skipExisting() ? "; " + summary.skippedExisting() + " article records skipped, already processed by model "
                            + summary.modelVersion() : "", summary.seconds());
            if (!summary.filesSkipped().isEmpty()) {
                System.err.println("Skipped inside input folders (hidden or _-prefixed, as Hadoop skips them):");
                summary.filesSkipped().forEach(f -> System.err.println("  " + f));
            }
            if (!summary.filesFailed().isEmpty()) {
                System.err.println("Some input files could not be read; their records were skipped:");
                summary.filesFailed().forEach(f -> System.err.println("  " + f));
                // A partly bad input must not fail a run that did its work (on EMR a non-zero exit marks the
                // run FAILED), unless the user asks; an input of which nothing could be read always fails.
                if (cfg.failOnBadInput() || summary.filesFailed().size() >= summary.filesRead()) {
                    return SOME_INPUT_UNREADABLE;
                }
                System.err.println("The rest was read and written (exit 0; " + Setting.FAIL_ON_BAD_INPUT.flag() + " makes this exit 3).");
            }
            return OK;
        } catch (Exception e) {
            reportFailure(e, new PrintWriter(System.err, true));
            return FAILED;
        }
    }

    /**
     * On a cluster the built-in models root (this machine's build folder) means nothing: the models come from
     * models.json (spark-submit --files, which the stack writes), a flag or the environment. Fails naming
     * models.json and where it was looked for when none set it.
     */
    static void requireModelsOnCluster(ConfigLoader loaded, String master) {
        if (!master.startsWith("local") && "default".equals(loaded.origin(Setting.MODELS))) {
            throw new IllegalArgumentException("No models root: on a cluster it is set by models.json (spark-submit --files, key "
                    + Setting.MODELS.aliases() + "), " + Setting.MODELS.flag() + " or " + Setting.MODELS.env() + ", and none was found: "
                    + "models.json was named in neither spark.files nor spark.yarn.dist.files, nor found in the working directory "
                    + Path.of("").toAbsolutePath());
        }
    }

    /** One line naming what went wrong (the first cause with a message); the stack trace too with GENEASSOC_DEBUG=1. */
    public static void reportFailure(Throwable e, PrintWriter err) {
        Throwable root = e;
        while (root.getCause() != null && (root.getMessage() == null || root instanceof ExecutionException)) {
            root = root.getCause();
        }
        err.println("error: " + (root.getMessage() == null ? root.toString() : root.getMessage()));
        String tls = MongoConnection.tlsHint(e);
        if (tls != null) {
            err.println(tls);
        }
        if (System.getenv("GENEASSOC_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    /**
     * Every source of settings but the secrets, lowest first: defaults, the config folder's {@code *.json}
     * (local, or a Hadoop URI copied once), the JSON files spark-submit shipped with {@code --files}, the
     * environment, the flags. Needs a running SparkContext.
     *
     * @param config the config folder; a missing one is an error only when the user named it
     */
    public static ConfigLoader settings(Map<Setting, String> flags, String config, boolean named) throws IOException {
        Path folder = null;
        if (!LocalFolders.isLocal(config) || Files.isDirectory(LocalFolders.localPath(config)) || named) {
            folder = LocalFolders.of(config, "Configuration folder");
        }
        ConfigLoader loader = new ConfigLoader().jsonFolder(folder);
        for (Path f : shippedJsonFiles()) {
            loader.jsonFile(f);
        }
        return loader.environment(System.getenv()).flags(flags);
    }

    /**
     * The {@code .json} files spark-submit was asked to ship with {@code --files}, where this platform put them:
     * Spark's files folder (local and YARN runs) or the driver's working directory (where EMR Serverless leaves
     * them). The platform may name them in {@code spark.files} or, YARN-style, {@code spark.yarn.dist.files}; where
     * it names them in neither, on a cluster the stack's own files ({@link #STACK_CONFIG_FILES}) are looked for in
     * the working directory.
     */
    static List<Path> shippedJsonFiles() throws IOException {
        org.apache.spark.SparkConf conf = SparkContext.getOrCreate().getConf();
        String named = String.join(",", conf.get("spark.files", ""), conf.get("spark.yarn.dist.files", ""));
        if (named.replace(",", "").isBlank() && !conf.get("spark.master", "local").startsWith("local")) {
            named = String.join(",", STACK_CONFIG_FILES.stream().filter(f -> Files.isRegularFile(Path.of(f))).toList());
        }
        return shippedJsonFiles(named, Path.of(SparkFiles.getRootDirectory()), Path.of("").toAbsolutePath());
    }

    /** The JSON files the stack ships with every run ({@code --files}): its defaults and the generated models.json. */
    static final List<String> STACK_CONFIG_FILES = List.of("geneassoc.json", "models.json");

    static List<Path> shippedJsonFiles(String shipped, Path filesFolder, Path workDir) throws IOException {
        List<Path> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String uri : shipped.split(",")) {
            String name = uri.substring(uri.lastIndexOf('/') + 1).strip();
            if (!name.endsWith(".json") || !seen.add(name)) {
                continue;
            }
            if (Files.isRegularFile(filesFolder.resolve(name))) {
                out.add(filesFolder.resolve(name));
            } else if (Files.isRegularFile(workDir.resolve(name))) {
                out.add(workDir.resolve(name));
            } else {
                throw new IOException("Configuration file " + uri + " (spark-submit --files) is neither in " + filesFolder
                        + " nor in the working directory " + workDir);
            }
        }
        return out;
    }
}
