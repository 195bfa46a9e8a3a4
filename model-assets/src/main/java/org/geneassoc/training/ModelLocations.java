package org.geneassoc.training;

import java.nio.file.Path;

/** Where the built model folder is: {@code -Dgeneassoc.models}, else {@code $GENEASSOC_MODELS}, else the build's output. */
public final class ModelLocations {
    public static final String CLASSIFIER = "gda-classifier";
    public static final String ENCODER = "encoder";

    private ModelLocations() {
    }

    public static String modelsRoot() {
        String p = System.getProperty("geneassoc.models");
        if (p == null || p.isBlank()) {
            p = System.getenv("GENEASSOC_MODELS");
        }
        return p == null || p.isBlank() ? Path.of("model-assets", "target", "models").toAbsolutePath().toString() : p;
    }

    public static String classifier() {
        return join(modelsRoot(), CLASSIFIER);
    }

    public static Path encoder() {
        return Path.of(modelsRoot(), ENCODER);
    }

    public static String join(String root, String child) {
        return root.endsWith("/") ? root + child : root + "/" + child;
    }
}
