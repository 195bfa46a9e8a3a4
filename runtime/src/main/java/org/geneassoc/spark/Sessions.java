package org.geneassoc.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is made: on EMR spark-submit sets the master, locally the flag does. */
public final class Sessions {
    /** Option and configuration keys whose values are secrets (a MongoDB connection URI carries its password). */
    static final String REDACTED_KEYS = "(?i)url|uri|password|secret|token|credential";
    /** A MongoDB connection string in any text Spark writes. */
    static final String MONGODB_URI = "(?i)mongodb(?:\\+srv)?://[^\\s\"',)}\\]]+";

    private Sessions() {
    }

    /**
     * The active session, or a new one on {@code master} when spark-submit gave none.
     * Local sessions keep the UI off and size shuffles to the cores, since there is no cluster to fill.
     */
    public static SparkSession getOrCreate(String appName, String master) {
        SparkConf conf = new SparkConf(true);
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.sql.session.timeZone", "UTC")
                // Rows here are small in bytes but heavy in encoder work: coalescing shuffle partitions by
                // size would put a whole small input on one core.
                .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
                // The MongoDB URI, password included, is a data-source option, and Spark's defaults redact only url-like
                // option keys: redact uri/password/secret/token keys in plans and event logs, any mongodb:// URI in plan
                // strings, and such keys among the configuration.
                .config("spark.sql.redaction.options.regex", REDACTED_KEYS)
                .config("spark.sql.redaction.string.regex", MONGODB_URI)
                .config("spark.redaction.string.regex", MONGODB_URI)
                .config("spark.redaction.regex", REDACTED_KEYS + "|access[.]key");
        if (!conf.contains("spark.master")) {
            String m = master == null || master.isBlank() ? "local[*]" : master;
            b.master(m)
                    .config("spark.ui.enabled", "false")
                    // Several tasks per core, so one heavy partition does not leave the other cores idle at the end.
                    .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors() * 3)))
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** Stops the active session, if any, before a process exits, so event logs and history are complete on EMR too. */
    public static void stopActive() {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
    }
}
