package org.geneassoc.classify;

/**
 * A logistic-regression head over dense encoder features and binary hashed n-grams, in the original
 * (unstandardised) feature space, with the decision threshold that maximised F1 on development data
 * (it sets the entailment label; the score itself stays a probability). Stored as JSON: small enough to commit.
 */
public record LinearHead(FeatureSet featureSet, int lexicalBits, float[] denseWeights, float[] lexicalWeights, float bias,
                         float threshold) {

    public LinearHead {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("head " + featureSet + ": decision threshold " + threshold + " is not in (0, 1)");
        }
        if (lexicalWeights.length != (lexicalBits > 0 ? 1 << lexicalBits : 0)) {
            throw new IllegalArgumentException("head " + featureSet + ": " + lexicalWeights.length
                    + " lexical weights for " + lexicalBits + " hash bits");
        }
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
