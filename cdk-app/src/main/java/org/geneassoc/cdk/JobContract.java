package org.geneassoc.cdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the stack relies on the job for, read from {@code job-contract.properties}, which the build filters
 * from the parent pom: the same properties name the JAR pipeline-job builds and its main class, so the
 * stack cannot deploy one name and start another.
 *
 * @param modelsConfigKey the key of {@code modelsConfig} that sets the job's models root
 * @param modelsManifest  the file a models folder must hold, relative to it
 */
public record JobContract(String releaseLabel, String mainClass, String jarName, String modelsConfig, String modelsConfigKey,
                          String modelsManifest) {
    static final String RESOURCE = "/job-contract.properties";

    public static JobContract load() {
        Properties p = new Properties();
        try (InputStream in = JobContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; build cdk-app with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        JobContract c = new JobContract(p.getProperty("releaseLabel"), p.getProperty("mainClass"), p.getProperty("jarName"),
                p.getProperty("modelsConfig"), p.getProperty("modelsConfigKey"), p.getProperty("modelsManifest"));
        for (String v : new String[] {c.releaseLabel, c.mainClass, c.jarName, c.modelsConfig, c.modelsConfigKey, c.modelsManifest}) {
            if (v == null || v.isBlank() || v.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + p);
            }
        }
        return c;
    }
}
