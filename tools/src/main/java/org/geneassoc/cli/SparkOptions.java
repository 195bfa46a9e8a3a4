package org.geneassoc.cli;

import org.apache.spark.sql.SparkSession;
import org.geneassoc.config.Setting;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.spark.Sessions;
import picocli.CommandLine.Option;

/** The flags every developer command shares: where Spark runs and which models folder it reads. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
    String master;

    @Option(names = "--models", paramLabel = "DIR|URI", description = "Models root (default: $GENEASSOC_MODELS, else the folder the "
            + "build assembled, " + ModelsFolder.BUILT + ").")
    String models;

    SparkSession session(String appName) {
        return Sessions.getOrCreate(appName, master);
    }

    /** The flag, else the job's own models setting (its environment variable, else the built folder). */
    ModelsFolder models() {
        if (models != null) {
            return new ModelsFolder(models);
        }
        String env = System.getenv(Setting.MODELS.env());
        return env == null || env.isBlank() ? ModelsFolder.built() : new ModelsFolder(env);
    }
}
