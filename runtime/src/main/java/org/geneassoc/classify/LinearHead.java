package org.geneassoc.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.geneassoc.encoder.LayerRange;

/**
 * A logistic-regression head over dense encoder features and binary hashed n-grams, in the original
 * (unstandardised) feature space, with the decision threshold that maximised F1 on development data
 * (it sets the entailment label; the score itself stays a probability), and the encoder layers it reads
 * when they differ from the model's ({@code null}: those the manifest names). Stored as JSON: small enough to commit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinearHead(FeatureSet featureSet, int lexicalBits, float[] denseWeights, float[] lexicalWeights, float bias,
                         float threshold, LayerRange layers) {

    public LinearHead {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("head " + featureSet + ": decision threshold " + threshold + " is not in (0, 1)");
        }
        if (lexicalWeights.length != (lexicalBits > 0 ? 1 << lexicalBits : 0)) {
            throw new IllegalArgumentException("head " + featureSet + ": " + lexicalWeights.length
                    + " lexical weights for " + lexicalBits + " hash bits");
        }
    }

    /** The same weights for another feature set and layer range. */
    public LinearHead as(FeatureSet set, LayerRange range) {
        return new LinearHead(set, lexicalBits, denseWeights, lexicalWeights, bias, threshold, range);
    }

    /** Probability of the positive class. */
    public float score(Features f) {
        if (f.dense().length != denseWeights.length) {
            throw new IllegalArgumentException("head " + featureSet + " expects " + denseWeights.length
                    + " dense features, got " + f.dense().length);
        }
        double z = bias;
        for (int i = 0; i < denseWeights.length; i++) {
            z += denseWeights[i] * f.dense()[i];
        }
        if (lexicalBits > 0) {
            for (int idx : f.lexical()) {
                z += lexicalWeights[idx];
            }
        }
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }
}
