package org.geneassoc.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.encoder.OnnxEncoder;
import org.geneassoc.spark.LocalFolders;

/**
 * A loaded classifier folder: manifest, heads and encoder. Loaded once per JVM and path; a folder on
 * S3 (or any Hadoop file system) is copied to local disk first, since ONNX Runtime reads local files.
 */
public final class ClassifierModel {
    private static final Map<String, ClassifierModel> LOADED = new ConcurrentHashMap<>();

    private final String location;
    private final ModelManifest manifest;
    private final Map<FeatureSet, LinearHead> heads;
    private final LayerRange layers;
    private final Featurizer featurizer;

    private ClassifierModel(String location, Path folder, int threads, int batchSize) throws IOException {
        this.location = location;
        if (!Files.isDirectory(folder)) {
            throw new IOException("Classifier model folder " + location + " does not exist");
        }
        this.manifest = ModelManifest.read(folder);
        this.heads = new EnumMap<>(FeatureSet.class);
        for (Map.Entry<FeatureSet, String> e : manifest.heads().entrySet()) {
            Path file = folder.resolve(e.getValue());
            try {
                LinearHead head = ModelManifest.JSON.readValue(file.toFile(), LinearHead.class);
                if (head.lexicalBits() != 0 && head.lexicalBits() != manifest.lexicalBits()) {
                    throw new IllegalArgumentException("it hashes n-grams into " + head.lexicalBits() + " bits, the manifest into "
                            + manifest.lexicalBits());
                }
                heads.put(e.getKey(), head);
            } catch (IOException | IllegalArgumentException ex) {
                throw new IOException("Cannot read classifier head " + file + ": " + ex.getMessage(), ex);
            }
        }
        Path encoderDir = folder.resolve(manifest.encoder().path()).normalize();
        // N-grams are hashed only when some head reads them.
        int lexicalBits = heads.values().stream().anyMatch(h -> h.lexicalBits() > 0) ? manifest.lexicalBits() : 0;
        OnnxEncoder encoder = OnnxEncoder.shared(encoderDir, threads);
        this.layers = manifest.encoder().layers() != null ? manifest.encoder().layers()
                : new LayerRange(encoder.layerCount(), encoder.layerCount());
        for (LinearHead head : heads.values()) {
            LayerRange read = layers(head);
            try {
                encoder.checkLayers(read);
            } catch (IllegalArgumentException e) {
                throw new IOException("Classifier " + location + " reads encoder layers " + read + " of " + encoderDir + ": " + e.getMessage(), e);
            }
        }
        this.featurizer = new Featurizer(encoder, layers, lexicalBits, batchSize);
    }

    /** The layers a head reads: its own when it names them, else the model's. */
    private LayerRange layers(LinearHead head) {
        return head.layers() != null ? head.layers() : layers;
    }

    public static ClassifierModel load(String location, int threads, int batchSize) {
        return LOADED.computeIfAbsent(location + "#" + threads + "#" + batchSize, k -> {
            try {
                return new ClassifierModel(location, localFolder(location), threads, batchSize);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** A local path as it is; a Hadoop URI (s3a://…) copied with its sibling encoder to a local folder. */
    static Path localFolder(String location) throws IOException {
        Path classifier = LocalFolders.of(location, "Classifier model folder");
        if (!LocalFolders.isLocal(location)) {
            String encoder = ModelManifest.read(classifier).encoder().path();
            Path localEncoder = classifier.resolve(encoder).normalize();
            LocalFolders.copyTo(new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(location), encoder).toString(), localEncoder);
            LocalFolders.deleteOnExit(localEncoder);
        }
        return classifier;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String location() {
        return location;
    }

    public void checkHypothesis(String hypothesis) {
        if (!manifest.trainedFor(hypothesis)) {
            throw new IllegalArgumentException("Classifier " + location + " was trained for the hypothesis \""
                    + manifest.hypothesis() + "\", not \"" + hypothesis + "\"; its scores would mean nothing for it");
        }
    }

    public void requireHead(FeatureSet set) {
        if (!heads.containsKey(set)) {
            throw new IllegalArgumentException("Classifier " + location + " has no " + set + " head; it has " + heads.keySet());
        }
    }

    /**
     * Scores premises in input order. A premise that marks both entities goes to the MARKED head when
     * the model has one; every other premise to the PLAIN head.
     */
    public float[] score(List<String> premises) {
        return score(premises, null).scores();
    }

    /** Probabilities of entailment, and whether each reaches its head's decision threshold. */
    public record Scores(float[] scores, boolean[] entails) {
    }

    /** As {@link #score(List)}; a non-null {@code forced} feature set picks that head for every premise. */
    public Scores score(List<String> premises, FeatureSet forced) {
        if (forced != null) {
            requireHead(forced);
        }
        List<Features> features = featurizer.featurize(premises, forced, forced != null ? layers(heads.get(forced)) : layers);
        float[] scores = new float[features.size()];
        boolean[] entails = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            Features f = features.get(i);
            LinearHead head = heads.get(f.set());
            if (head == null) {
                head = heads.get(FeatureSet.PLAIN);
                f = new Features(FeatureSet.PLAIN, java.util.Arrays.copyOf(f.dense(), FeatureSet.PLAIN.dims(featurizer.hiddenSize())), f.lexical());
            }
            if (head == null) {
                throw new IllegalStateException("Classifier " + location + " has no head for " + f.set() + " premises");
            }
            scores[i] = head.score(f);
            entails[i] = scores[i] >= head.threshold();
        }
        return new Scores(scores, entails);
    }
}
