package org.geneassoc.classify;

/**
 * Which encoder states a head reads. GAD masks the two entities as {@code @GENE$} and
 * {@code @DISEASE$}; where a premise carries both markers their contextual states say far more about
 * the relation than the sentence vector alone.
 */
public enum FeatureSet {
    /** [CLS] state and mean of the token states: any text. */
    PLAIN(2),
    /** PLAIN plus the mean states of the gene marker and of the disease marker. */
    MARKED(4);

    private final int blocks;

    FeatureSet(int blocks) {
        this.blocks = blocks;
    }

    public int dims(int hiddenSize) {
        return blocks * hiddenSize;
    }

    /** The feature set for a premise: MARKED only when both markers occur in it. */
    public static FeatureSet forPremise(String premise) {
        return premise.contains(Markers.GENE) && premise.contains(Markers.DISEASE) ? MARKED : PLAIN;
    }
}
