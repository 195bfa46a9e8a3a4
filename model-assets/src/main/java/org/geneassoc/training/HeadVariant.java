package org.geneassoc.training;

import org.geneassoc.classify.FeatureSet;
import org.geneassoc.classify.LinearHead;
import java.util.ArrayList;
import java.util.List;

/**
 * Which blocks of the full feature vector {@code [cls | mean | gene | disease | between | gene⊙disease | n-grams]}
 * a head reads. Each variant is trained and measured; the best one ships.
 */
public enum HeadVariant {
    LEXICAL(FeatureSet.PLAIN, "hashed word 1-2-grams, logistic regression", false, false, false, false, false, true),
    CLS(FeatureSet.PLAIN, "frozen BGE [CLS] state, logistic regression", true, false, false, false, false, false),
    CLS_MEAN(FeatureSet.PLAIN, "[CLS] + mean-pooled states", true, true, false, false, false, false),
    CLS_MEAN_LEXICAL(FeatureSet.PLAIN, "[CLS] + mean + n-grams", true, true, false, false, false, true),
    MARKERS(FeatureSet.MARKED, "[CLS] + mean + @GENE$/@DISEASE$ marker states", true, true, true, false, false, false),
    MARKERS_LEXICAL(FeatureSet.MARKED, "[CLS] + mean + marker states + n-grams", true, true, true, false, false, true),
    MARKERS_BETWEEN(FeatureSet.MARKED, "[CLS] + mean + marker states + mean of the words between the markers", true, true, true, true, false, false),
    MARKERS_BETWEEN_PRODUCT(FeatureSet.MARKED, "MARKERS_BETWEEN + gene ⊙ disease marker product", true, true, true, true, true, false);

    /** Dense blocks in the full vector: those of {@link FeatureSet#MARKED}. */
    public static final int DENSE_BLOCKS = 6;

    private final FeatureSet featureSet;
    private final String description;
    private final boolean[] blocks;
    private final boolean lexical;

    HeadVariant(FeatureSet featureSet, String description, boolean cls, boolean mean, boolean markers, boolean between,
                boolean product, boolean lexical) {
        this.featureSet = featureSet;
        this.description = description;
        this.blocks = new boolean[] {cls, mean, markers, markers, between, product};
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

    /** Indices into the full vector ({@code DENSE_BLOCKS * hidden} dense slots, then {@code 2^bits} n-gram slots). */
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
                idx.add(DENSE_BLOCKS * hidden + j);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Spreads weights learnt on {@link #indices} back into a head for this variant's feature set. */
    public LinearHead head(double[] coefficients, double intercept, double threshold, int hidden, int lexicalBits) {
        int[] idx = indices(hidden, lexicalBits);
        float[] dense = new float[featureSet.dims(hidden)];
        int bits = lexical ? lexicalBits : 0;
        float[] lex = new float[bits > 0 ? 1 << bits : 0];
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < DENSE_BLOCKS * hidden) {
                dense[idx[k]] = (float) coefficients[k];
            } else {
                lex[idx[k] - DENSE_BLOCKS * hidden] = (float) coefficients[k];
            }
        }
        return new LinearHead(featureSet, bits, dense, lex, (float) intercept, (float) threshold, null);
    }
}
