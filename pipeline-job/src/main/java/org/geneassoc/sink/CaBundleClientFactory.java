package org.geneassoc.sink;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoDriverInformation;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.spark.sql.connector.config.MongoConfig;
import com.mongodb.spark.sql.connector.connection.MongoClientFactory;
import java.util.Map;

/**
 * The connector's MongoDB clients, on the driver and every executor, with TLS on and trusting the CA bundle the
 * job was given (the option {@link #PEM_OPTION} carries its text: CA certificates are public) instead of the JVM's
 * default trust. Equal for equal options, so the connector's client cache shares clients as it does its own.
 */
public final class CaBundleClientFactory implements MongoClientFactory {
    /** The connector option holding the bundle's PEM text. */
    public static final String PEM_OPTION = "geneassoc.caBundlePem";
    private final MongoConfig config;

    public CaBundleClientFactory(MongoConfig config) {
        this.config = config;
    }

    @Override
    public MongoClient create() {
        String pem = option(config.getOptions(), PEM_OPTION);
        if (pem == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " needs the connector option " + PEM_OPTION);
        }
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(config.getConnectionString())
                .applyToSslSettings(ssl -> ssl.enabled(true).context(CaBundle.context(pem))).build();
        return MongoClients.create(settings, MongoDriverInformation.builder().driverName("geneassoc").build());
    }

    /** The connector may hand options on with their keys lower-cased. */
    private static String option(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaBundleClientFactory other && config.getOptions().equals(other.config.getOptions());
    }

    @Override
    public int hashCode() {
        return config.getOptions().hashCode();
    }
}
