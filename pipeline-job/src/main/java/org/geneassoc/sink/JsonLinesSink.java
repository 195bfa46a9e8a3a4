package org.geneassoc.sink;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.documents.GdaDocument;

/**
 * JSON Lines in a folder (local or S3): one document per line, the MongoDB shape, and the ledger of processed
 * articles in a {@code _processed/} beside them.
 *
 * <p>A plain run replaces the folder as a whole, so a re-run leaves exactly one copy of each document. A run that
 * skips existing documents adds a folder of its own, {@code runs/<run id>/}, with its documents and ledger, and
 * marks it {@code _COMPLETE} last; it moves and deletes nothing, so every write stays under the output prefix (on
 * S3 a rename is a copy and a delete, outside any atomic step) and a run that dies leaves the earlier runs whole.
 * A run folder without its mark counts for nothing: its articles are processed again by the next run. Readers take
 * the newest document per pmid ({@link #documents}).
 */
public final class JsonLinesSink implements DocumentSink {
    private static final String PARTS = "/part-*";
    /** The ledger of processed articles, beside the documents (readers skip {@code _} folders, like Hadoop). */
    private static final String LEDGER = "/_processed";
    static final String RUNS = "/runs/";
    /** Written last into a run's folder: without it the run's documents and ledger are not read. */
    static final String COMPLETE = "_COMPLETE";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NOT_IN_NAME = Pattern.compile("[^A-Za-z0-9._-]");
    private final String dir;
    /** The folder without a trailing slash, for the ledger and the runs' folders. */
    private final String base;
    /** Where this run writes when it adds to the folder; null when it replaces it. */
    private final String run;

    private JsonLinesSink(String dir, String runId) {
        this.dir = dir;
        this.base = dir.replaceAll("/+$", "");
        this.run = runId == null ? null : base + RUNS + runId;
    }

    /** A sink that replaces {@code dir} with this run's documents. */
    public static JsonLinesSink replacing(String dir) {
        return new JsonLinesSink(dir, null);
    }

    /** A sink that adds this run's documents to {@code dir} in {@code runs/<runId>/}. */
    public static JsonLinesSink adding(String dir, String runId) {
        return new JsonLinesSink(dir, runId);
    }

    /**
     * A run's folder name: its start time (UTC, so names sort by time; no colons, which Hadoop reads as a URI
     * scheme), then the Spark application's ID, which tells two runs started in the same millisecond apart.
     */
    public static String runId(Instant started, String applicationId) {
        return RUN_TIME.format(started) + "-" + NOT_IN_NAME.matcher(applicationId).replaceAll("_");
    }

    /** The ledger and the documents' own ids and versions, of the folder's own run and of every complete added run. */
    @Override
    public Dataset<Row> processed(SparkSession spark) {
        List<String> globs = new ArrayList<>();
        for (String folder : folders(spark, base)) {
            globs.add(folder + LEDGER);
            globs.add(folder + PARTS);
        }
        return read(spark, existing(spark, globs), PROCESSED);
    }

    @Override
    public void write(Dataset<Row> documents, Dataset<Row> processed) {
        if (run == null) {
            write(documents, dir);
            write(processed, base + LEDGER);
            return;
        }
        write(documents, run);
        write(processed, run + LEDGER);
        Configuration conf = documents.sparkSession().sparkContext().hadoopConfiguration();
        Path mark = new Path(run, COMPLETE);
        try {
            mark.getFileSystem(conf).create(mark, true).close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark " + run + " complete: " + e.getMessage(), e);
        }
    }

    /**
     * The documents of the JSON Lines folder {@code dir}, one per pmid: where runs added to it, the newest (by
     * {@code processedAt}, then run), whichever run wrote it.
     */
    public static Dataset<Row> documents(SparkSession spark, String dir) {
        String base = dir.replaceAll("/+$", "");
        List<String> globs = folders(spark, base).stream().map(f -> f + PARTS).toList();
        // Runs' names begin with their start time; on a tie of processedAt the file's path decides, so the same
        // folder always reads the same (runs/ sorts after the folder's own part- files).
        return read(spark, existing(spark, globs), GdaDocument.STORED_SCHEMA).withColumn("_file", input_file_name())
                .withColumn("_newest", row_number().over(Window.partitionBy(col("_id"))
                        .orderBy(col(GdaDocument.PROCESSED_AT).desc(), col("_file").desc())))
                .filter(col("_newest").equalTo(1)).drop("_newest", "_file");
    }

    /** The folder itself and each of its complete runs' folders. */
    private static List<String> folders(SparkSession spark, String base) {
        List<String> folders = new ArrayList<>(List.of(base));
        Arrays.stream(list(spark, base + RUNS + "*/" + COMPLETE)).map(s -> s.getPath().getParent().toString()).sorted()
                .forEach(folders::add);
        return folders;
    }

    /** The globs that match something (Spark's reader fails on one that matches nothing). */
    private static List<String> existing(SparkSession spark, List<String> globs) {
        return globs.stream().filter(g -> list(spark, g).length > 0).toList();
    }

    private static void write(Dataset<Row> rows, String folder) {
        rows.write().mode(SaveMode.Overwrite)
                .option("ignoreNullFields", "false")
                .option("dateFormat", "yyyy-MM-dd")
                .json(folder);
    }

    private static Dataset<Row> read(SparkSession spark, List<String> globs, StructType schema) {
        if (globs.isEmpty()) {
            return spark.createDataFrame(List.of(), schema);
        }
        return spark.read().schema(schema).option("dateFormat", "yyyy-MM-dd").option("mode", "FAILFAST")
                .json(globs.toArray(String[]::new));
    }

    private static FileStatus[] list(SparkSession spark, String glob) {
        try {
            Path p = new Path(glob);
            FileStatus[] found = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(p);
            return found == null ? new FileStatus[0] : found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + glob + ": " + e.getMessage(), e);
        }
    }

    /** The folder readers read, whether this run replaced it or added to it. */
    @Override
    public String location() {
        return dir;
    }
}
