package org.geneassoc.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Which blocks of the full feature vector {@code [cls | mean | gene marker | disease marker | n-grams]}
 * a head reads. Each variant is trained and measured; the best one ships.
 */
public enum HeadVariant {
    LEXICAL(FeatureSet.PLAIN, "hashed word 1-2-grams, logistic regression", false, false, false, true),
    CLS(FeatureSet.PLAIN, "frozen BGE [CLS] state, logistic regression", true, false, false, false),
    CLS_MEAN(FeatureSet.PLAIN, "[CLS] + mean-pooled states", true, true, false, false),
    CLS_MEAN_LEXICAL(FeatureSet.PLAIN, "[CLS] + mean + n-grams", true, true, false, true),
    MARKERS(FeatureSet.MARKED, "[CLS] + mean + @GENE$/@DISEASE$ marker states", true, true, true, false),
    MARKERS_LEXICAL(FeatureSet.MARKED, "[CLS] + mean + marker states + n-grams", true, true, true, true);

    private final FeatureSet featureSet;
    private final String description;
    private final boolean[] blocks;
    private final boolean lexical;

    HeadVariant(FeatureSet featureSet, String description, boolean cls, boolean mean, boolean markers, boolean lexical) {
        this.featureSet = featureSet;
        this.description = description;
        this.blocks = new boolean[] {cls, mean, markers, markers};
        this.lexical = lexical;
    }

    public FeatureSet featureSet() {
        return featureSet;
    }

    public String description() {
        return description;
    }

    public boolean lexical() {
        return lexical;
    }

    /** Indices into the full vector ({@code 4 * hidden} dense slots, then {@code 2^bits} n-gram slots). */
    public int[] indices(int hidden, int lexicalBits) {
        List<Integer> idx = new ArrayList<>();
        for (int b = 0; b < blocks.length; b++) {
            if (blocks[b]) {
                for (int d = 0; d < hidden; d++) {
                    idx.add(b * hidden + d);
                }
            }
        }
        if (lexical) {
            for (int j = 0; j < (1 << lexicalBits); j++) {
                idx.add(4 * hidden + j);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Spreads weights learnt on {@link #indices} back into a head for this variant's feature set. */
    public LinearHead head(double[] coefficients, double intercept, int hidden, int lexicalBits) {
        int[] idx = indices(hidden, lexicalBits);
        float[] dense = new float[featureSet.dims(hidden)];
        int bits = lexical ? lexicalBits : 0;
        float[] lex = new float[bits > 0 ? 1 << bits : 0];
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 4 * hidden) {
                dense[idx[k]] = (float) coefficients[k];
            } else {
                lex[idx[k] - 4 * hidden] = (float) coefficients[k];
            }
        }
        return new LinearHead(featureSet, bits, dense, lex, (float) intercept);
    }
}
