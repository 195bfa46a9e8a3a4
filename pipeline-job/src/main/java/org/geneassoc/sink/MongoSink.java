package org.geneassoc.sink;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * MongoDB through mongo-spark-connector: each document replaces the one with its {@code _id} (the
 * pmid) or is inserted, so re-running the same input changes nothing and duplicates nothing.
 */
public final class MongoSink implements DocumentSink {
    private final String uri;
    private final String database;
    private final String collection;

    public MongoSink(String uri, String database, String collection) {
        this.uri = uri;
        this.database = database;
        this.collection = collection;
    }

    @Override
    public void write(Dataset<Row> documents) {
        documents.write().format("mongodb").mode(SaveMode.Append)
                .option("connection.uri", uri)
                .option("database", database)
                .option("collection", collection)
                .option("operationType", "replace")
                .option("idFieldList", "_id")
                .option("upsertDocument", "true")
                .option("ordered", "false")
                .save();
    }

    @Override
    public String location() {
        return "mongodb " + database + "." + collection;
    }
}
