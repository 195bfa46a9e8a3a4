package org.geneassoc.sink;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Load: where the article documents go. A re-run of the same input must leave the same result. */
public interface DocumentSink {
    void write(Dataset<Row> documents);

    /** Where the documents are, for the user. */
    String location();
}
