package org.geneassoc.testing;

import org.apache.spark.sql.SparkSession;
import org.geneassoc.spark.Sessions;

/** One SparkSession for every test in a JVM: starting Spark costs seconds. */
public final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = Sessions.getOrCreate("geneassoc-tests", "local[2]");
        }
        return spark;
    }
}
