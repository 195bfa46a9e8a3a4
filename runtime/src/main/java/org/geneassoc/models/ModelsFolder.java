package org.geneassoc.models;

import java.io.Serializable;
import java.nio.file.Path;
import org.geneassoc.spark.LocalFolders;

/**
 * The models root the job loads, local or on any Hadoop file system ({@code s3a://…}), and the layout
 * inside it. Every module names the sub-folders through this type, so the build that assembles the
 * folder, the job that reads it and the stack that deploys it cannot disagree.
 */
public record ModelsFolder(String root) implements Serializable {
    /** The sentence-pair classifier: {@code model.json} and its heads. */
    public static final String CLASSIFIER = "gda-classifier";
    /** The ONNX encoder and its vocabulary. */
    public static final String ENCODER = "encoder";
    /** The compiled gene and disease dictionaries. */
    public static final String VOCABULARY = "vocabulary";
    /** Where a build of this repository assembles the folder, relative to the repository root. */
    public static final String BUILT = "model-assets/target/models";
    /** The JVM property that names the built folder to the tools and tests that run from elsewhere. */
    public static final String PROPERTY = "geneassoc.models";

    public ModelsFolder {
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("models folder is empty");
        }
    }

    /** The folder this build assembled: {@code -Dgeneassoc.models}, else {@value #BUILT} under the working directory. */
    public static ModelsFolder built() {
        String p = System.getProperty(PROPERTY);
        return new ModelsFolder(p == null || p.isBlank() ? Path.of(BUILT).toAbsolutePath().toString() : p);
    }

    public String classifier() {
        return child(CLASSIFIER);
    }

    public String encoder() {
        return child(ENCODER);
    }

    public String vocabulary() {
        return child(VOCABULARY);
    }

    public boolean isLocal() {
        return LocalFolders.isLocal(root);
    }

    /** A sub-folder of a local root as a path; only for local roots. */
    public Path localPath(String child) {
        return LocalFolders.localPath(root).resolve(child);
    }

    private String child(String name) {
        return root.endsWith("/") ? root + name : root + "/" + name;
    }

    @Override
    public String toString() {
        return root;
    }
}
