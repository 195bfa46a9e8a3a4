package org.geneassoc.sink;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * JSON Lines in a folder (local or {@code s3a://}): one document per line, the MongoDB shape. The
 * folder is replaced as a whole, so a re-run leaves exactly one copy of each document.
 */
public final class JsonLinesSink implements DocumentSink {
    private final String dir;

    public JsonLinesSink(String dir) {
        this.dir = dir;
    }

    @Override
    public void write(Dataset<Row> documents) {
        documents.write().mode(SaveMode.Overwrite)
                .option("ignoreNullFields", "false")
                .option("dateFormat", "yyyy-MM-dd")
                .json(dir);
    }

    @Override
    public String location() {
        return dir;
    }
}
