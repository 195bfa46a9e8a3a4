package org.geneassoc.sink;

import com.mongodb.spark.sql.connector.config.MongoConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where the documents' MongoDB is and how to trust it: URI, database, the documents' collection, and the PEM
 * text of the CA bundle its TLS certificate chains to ({@link CaBundle}; null: the JVM's default trust).
 */
public record MongoConnection(String uri, String database, String collection, String caBundlePem) {
    public MongoConnection(String uri, String database, String collection) {
        this(uri, database, collection, null);
    }

    /** The connector's options for reading or writing {@code target}, a collection of the database. */
    public Map<String, String> options(String target) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connection.uri", uri);
        options.put("database", database);
        options.put("collection", target);
        if (caBundlePem != null) {
            options.put(MongoConfig.CLIENT_FACTORY_CONFIG, CaBundleClientFactory.class.getName());
            options.put(CaBundleClientFactory.PEM_OPTION, caBundlePem);
        }
        return options;
    }

    /**
     * The {@code schema} fields of collection {@code target}. With a schema the connector projects to those fields;
     * one partition streams them without the collStats and sampling passes of the default partitioner (collStats is
     * not answered by every MongoDB-compatible server).
     */
    public Dataset<Row> read(SparkSession spark, StructType schema, String target) {
        return spark.read().format("mongodb").schema(schema)
                .option("partitioner", "com.mongodb.spark.sql.connector.read.partitioner.SinglePartitionPartitioner")
                .options(options(target))
                .load();
    }

    /**
     * What to do when a MongoDB connection failed on the server's TLS certificate (a driver exception whose message or
     * causes tell of a certificate path the JVM could not build), or null for any other failure.
     */
    public static String tlsHint(Throwable failure) {
        boolean mongo = false;
        boolean certificate = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            mongo |= t.getClass().getName().startsWith("com.mongodb.");
            String m = String.valueOf(t.getMessage()) + " " + t.getClass().getName();
            certificate |= m.contains("PKIX path") || m.contains("certification path") || m.contains("SSLHandshakeException");
        }
        return mongo && certificate ? "The MongoDB server's TLS certificate does not chain to a certificate authority this job trusts: "
                + "pass a PEM bundle of its CA with --mongo-ca-bundle (Amazon DocumentDB: global-bundle.pem; a company MongoDB: its "
                + "internal CA)." : null;
    }

    /** For messages: the database and collection, never the URI (it may hold a password). */
    @Override
    public String toString() {
        return "mongodb " + database + "." + collection;
    }
}
