package org.geneassoc.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which gene–disease pairs of an article are associated, and how: a logistic regression over the
 * {@link PairFeature}s for the association score, and a multinomial one over the same features for the
 * relation type (BioRED's Association, Positive_Correlation, Negative_Correlation). Weights are in the
 * original feature space. Stored as JSON beside the classifier heads and named in its manifest.
 *
 * @param threshold the association score that maximised pair F1 on the development data (for the record;
 *                  the job's threshold is its {@code associationThreshold} setting)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelationModel(List<String> features, double[] weights, double intercept, double threshold,
                            List<String> types, double[][] typeWeights, double[] typeIntercepts) {

    public RelationModel {
        if (weights.length != features.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + features.size() + " features");
        }
        if (types.size() != typeWeights.length || types.size() != typeIntercepts.length) {
            throw new IllegalArgumentException(types.size() + " relation types, " + typeWeights.length + " weight rows, "
                    + typeIntercepts.length + " intercepts");
        }
        for (double[] row : typeWeights) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException("a type weight row has " + row.length + " weights for " + features.size() + " features");
            }
        }
    }

    public static RelationModel read(Path file) throws IOException {
        try {
            return ModelManifest.JSON.readValue(file.toFile(), RelationModel.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("Cannot read relation model " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        ModelManifest.JSON.writeValue(file.toFile(), this);
    }

    /** Fails unless the model reads exactly the features the job computes, in the same order. */
    public void requireFeatures(List<String> computed, String location) {
        if (!features.equals(computed)) {
            throw new IllegalArgumentException("Relation model " + location + " was trained on features " + features
                    + "; this job computes " + computed);
        }
    }

    /** Probability that the pair is associated. */
    public double score(double[] x) {
        return logistic(weights, intercept, x);
    }

    /** A logistic regression's probability of the positive class. */
    public static double logistic(double[] weights, double intercept, double[] x) {
        return 1.0 / (1.0 + Math.exp(-(intercept + dot(weights, x))));
    }

    /** The most probable relation type. */
    public String type(double[] x) {
        int best = 0;
        double bestZ = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < types.size(); k++) {
            double z = typeIntercepts[k] + dot(typeWeights[k], x);
            if (z > bestZ) {
                bestZ = z;
                best = k;
            }
        }
        return types.get(best);
    }

    private static double dot(double[] w, double[] x) {
        double z = 0;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return z;
    }
}
