package org.geneassoc.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import static org.apache.spark.sql.functions.col;

/**
 * JSON Lines in a folder (local or {@code s3a://}): one document per line, the MongoDB shape, and the ledger of
 * processed articles in its {@code _processed/}. The folder is replaced as a whole, so a re-run leaves exactly one
 * copy of each document. With {@code merge} (runs that skip existing documents) the folder keeps the documents and
 * ledger entries this run did not rewrite: old and new are written to a sibling folder that then takes the
 * folder's place, so a run that fails leaves the old folder whole.
 */
public final class JsonLinesSink implements DocumentSink {
    private static final String PARTS = "part-*";
    /** The ledger of processed articles, inside the output folder (run skips {@code _} folders, like Hadoop). */
    private static final String LEDGER = "/_processed";
    private final String dir;
    /** The folder without a trailing slash, for its ledger and sibling folders. */
    private final String base;
    private final boolean merge;

    public JsonLinesSink(String dir) {
        this(dir, false);
    }

    public JsonLinesSink(String dir, boolean merge) {
        this.dir = dir;
        this.base = dir.replaceAll("/+$", "");
        this.merge = merge;
    }

    /** The ledger and the documents' own ids and versions. */
    @Override
    public Dataset<Row> processed(SparkSession spark) {
        return rows(spark, base + LEDGER).union(rows(spark, base + "/" + PARTS));
    }

    @Override
    public void write(Dataset<Row> documents, Dataset<Row> processed) {
        SparkSession spark = documents.sparkSession();
        if (!merge || !exists(spark, base + "/" + PARTS)) {
            write(documents, dir);
            write(processed, base + LEDGER);
            return;
        }
        // Used twice below (the ids to replace, the rows to write): computed once.
        documents = documents.persist(StorageLevel.MEMORY_AND_DISK());
        String next = base + ".merging";
        write(read(spark, base + "/" + PARTS, documents.schema()).join(documents.select(col("_id").as("rewritten")),
                col("_id").equalTo(col("rewritten")), "left_anti").unionByName(documents), next);
        write(rows(spark, base + LEDGER).join(processed.select(col("_id").as("again")), col("_id").equalTo(col("again")), "left_anti")
                .unionByName(processed), next + LEDGER);
        try {
            Path target = new Path(dir);
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            Path old = new Path(base + ".replaced");
            fs.delete(old, true);
            if (!fs.rename(target, old) || !fs.rename(new Path(next), target)) {
                throw new IOException("Cannot move " + next + " into the place of " + dir);
            }
            fs.delete(old, true);
            documents.unpersist();
        } catch (IOException e) {
            throw new UncheckedIOException("Merging the documents into " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** The ledger entries or documents under {@code glob} as {@link #PROCESSED} rows; none when there are none. */
    private static Dataset<Row> rows(SparkSession spark, String glob) {
        return exists(spark, glob) ? read(spark, glob, PROCESSED) : spark.createDataFrame(java.util.List.of(), PROCESSED);
    }

    private static void write(Dataset<Row> documents, String folder) {
        documents.write().mode(SaveMode.Overwrite)
                .option("ignoreNullFields", "false")
                .option("dateFormat", "yyyy-MM-dd")
                .json(folder);
    }

    private static Dataset<Row> read(SparkSession spark, String glob, StructType schema) {
        return spark.read().schema(schema).option("dateFormat", "yyyy-MM-dd").option("mode", "FAILFAST").json(glob);
    }

    private static boolean exists(SparkSession spark, String glob) {
        try {
            Path p = new Path(glob);
            org.apache.hadoop.fs.FileStatus[] found = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(p);
            return found != null && found.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + glob + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return dir;
    }
}
