package org.geneassoc.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.geneassoc.encoder.LayerRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code model.json}: what a classifier folder holds, what it was trained on and how well it scored.
 * {@code relation} names the {@link RelationModel} file; it is trained on the heads' scores, so a manifest
 * written with new heads has none until the relation model is trained again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(String name, String version, String hypothesis, Encoder encoder,
                            Map<FeatureSet, String> heads, String relation, int lexicalBits, List<String> trainingData,
                            Map<String, Object> metrics, long seed, String created) {

    public static final String FILE = "model.json";
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Where the encoder folder lies, relative to the classifier folder, where it came from, and which of
     * its layers the heads read (absent in a manifest: the last layer only).
     */
    public record Encoder(String path, String name, String source, LayerRange layers) {
    }

    public static ModelManifest read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        ModelManifest m;
        try {
            m = JSON.readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new IOException("Cannot read model manifest " + file + ": " + e.getMessage(), e);
        }
        if (m.hypothesis() == null || m.hypothesis().isBlank() || m.encoder() == null || m.heads() == null || m.heads().isEmpty()) {
            throw new IOException("Model manifest " + file + " lacks hypothesis, encoder or heads");
        }
        return m;
    }

    /** This manifest naming a relation model file and carrying its figures under {@code metrics.RELATION}. */
    public ModelManifest withRelation(String file, Map<String, Object> relationMetrics) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(metrics == null ? Map.of() : metrics);
        all.put("RELATION", relationMetrics);
        return new ModelManifest(name, version, hypothesis, encoder, heads, file, lexicalBits, trainingData, all, seed, created);
    }

    public void write(Path folder) throws IOException {
        JSON.writeValue(folder.resolve(FILE).toFile(), this);
    }

    /** Hypotheses compare with white space folded and dashes unified, so "gene-disease" matches "gene–disease". */
    public static String canonicalHypothesis(String h) {
        return h.strip().replaceAll("\\s+", " ").replaceAll("[\\u2010-\\u2015\\u2212]", "-");
    }

    public boolean trainedFor(String hypothesis) {
        return canonicalHypothesis(this.hypothesis).equals(canonicalHypothesis(hypothesis));
    }
}
