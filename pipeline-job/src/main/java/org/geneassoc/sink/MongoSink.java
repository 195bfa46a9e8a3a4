package org.geneassoc.sink;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * MongoDB through mongo-spark-connector: each document replaces the one with its {@code _id} (the
 * pmid) or is inserted, so re-running the same input changes nothing and duplicates nothing. That is
 * also what makes a failed write safe to retry: a write that fails (the server restarting, a network
 * blip, a failover) is tried again after a wait that doubles each time, up to {@code attempts} in all.
 * The documents are kept (memory, else local disk) across attempts, so a retry does not score the
 * input again. A write that fails for good says how far it got: the documents of the write tasks that
 * completed (an accumulator that only successful tasks add to).
 */
public final class MongoSink implements DocumentSink {
    private final MongoConnection mongo;
    private final int attempts;
    private final int firstWaitSeconds;

    public MongoSink(MongoConnection mongo, int attempts, int firstWaitSeconds) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.mongo = mongo;
        this.attempts = attempts;
        this.firstWaitSeconds = firstWaitSeconds;
    }

    /** The ledger: a collection beside the documents' ({@code pubmedArticlesProcessed}), one entry per pmid. */
    private String ledger() {
        return mongo.collection() + "Processed";
    }

    /** The ledger and the documents' own ids and versions (a run that failed after its documents left no ledger entries). */
    @Override
    public Dataset<Row> processed(SparkSession spark) {
        return idsAndVersions(spark, ledger()).union(idsAndVersions(spark, mongo.collection()));
    }

    private Dataset<Row> idsAndVersions(SparkSession spark, String target) {
        return mongo.read(spark, PROCESSED, target);
    }

    @Override
    public void write(Dataset<Row> documents, Dataset<Row> processed) {
        write(documents, mongo.collection());
        write(processed, ledger());
    }

    private void write(Dataset<Row> documents, String target) {
        String where = "mongodb " + mongo.database() + "." + target;
        Dataset<Row> kept = documents.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long wait = firstWaitSeconds;
            for (int attempt = 1; ; attempt++) {
                LongAccumulator written = kept.sparkSession().sparkContext().longAccumulator("mongoDocumentsWritten");
                try {
                    save(kept.map((MapFunction<Row, Row>) r -> {
                        written.add(1);
                        return r;
                    }, Encoders.row(kept.schema())), target);
                    return;
                } catch (Exception e) {
                    // Spark throws its SparkException (checked) from Scala code without declaring it.
                    if (attempt >= attempts) {
                        throw new IllegalStateException("Writing to MongoDB " + where + " failed after " + attempts + " attempt"
                                + (attempts == 1 ? "" : "s") + " (" + rootMessage(e) + "); the last attempt's completed tasks wrote "
                                + written.value() + " of " + kept.count() + " documents. Documents that reached the collection are "
                                + "complete; re-running the same input replaces them and writes the rest, duplicating nothing.", e);
                    }
                    System.err.printf("geneassoc: writing to MongoDB %s failed (attempt %d of %d: %s); retrying in %d s%n",
                            where, attempt, attempts, rootMessage(e), wait);
                    sleep(wait);
                    wait *= 2;
                }
            }
        } finally {
            kept.unpersist();
        }
    }

    private void save(Dataset<Row> documents, String target) {
        documents.write().format("mongodb").mode(SaveMode.Append)
                .options(mongo.options(target))
                .option("operationType", "replace")
                .option("idFieldList", "_id")
                .option("upsertDocument", "true")
                .option("ordered", "false")
                .save();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry the MongoDB write", e);
        }
    }

    @Override
    public String location() {
        return mongo.toString();
    }
}
