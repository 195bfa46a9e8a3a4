package org.geneassoc.sink;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Load: where the article documents go. A re-run of the same input must leave the same result. Beside the
 * documents a sink keeps a ledger of the articles processed and by which model version, those without any
 * association (no document) included, so that {@code --skip-existing} skips them too.
 */
public interface DocumentSink {
    /** Writes the documents, then records {@code processed} ({@link #PROCESSED} rows) in the ledger. */
    void write(Dataset<Row> documents, Dataset<Row> processed);

    /**
     * {@code _id} (pmid) and {@code modelVersion} of every article processed before (none when new): the ledger's
     * entries and the documents' own, possibly more than one row per pmid.
     */
    Dataset<Row> processed(SparkSession spark);

    /** The ledger's schema. */
    StructType PROCESSED = new StructType().add("_id", DataTypes.StringType).add("modelVersion", DataTypes.StringType);

    /** Where the documents are, for the user. */
    String location();
}
