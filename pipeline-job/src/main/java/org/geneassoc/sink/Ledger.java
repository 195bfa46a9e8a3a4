package org.geneassoc.sink;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The sink's record of which articles were processed by which model version, and what {@code --skip-existing}
 * makes of it: the articles still to process and how many records it skipped.
 */
public final class Ledger {
    private Ledger() {
    }

    /** The articles still to process, and how many article records the sink already holds from this version. */
    public record Remaining(Dataset<Row> articles, long skipped, boolean none) {
    }

    public static Remaining remaining(DocumentSink sink, SparkSession spark, Dataset<Row> articles, String modelVersion) {
        Dataset<Row> done = sink.processed(spark).filter(col("modelVersion").equalTo(modelVersion)).select(col("_id").as("done"));
        long skipped = articles.join(done, col("pmid").equalTo(col("done")), "left_semi").count();
        Dataset<Row> rest = articles.join(done, col("pmid").equalTo(col("done")), "left_anti");
        return new Remaining(rest, skipped, rest.isEmpty());
    }

    /** The entries of this run: one per processed pmid, with the version that processed it. */
    public static Dataset<Row> entries(Dataset<Row> articles, String modelVersion) {
        return articles.select(col("pmid").as("_id")).distinct().withColumn("modelVersion", lit(modelVersion));
    }
}
