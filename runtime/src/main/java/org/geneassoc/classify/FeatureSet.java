package org.geneassoc.classify;

/**
 * Which encoder states a head reads. GAD masks the two entities as {@code @GENE$} and
 * {@code @DISEASE$}; where a premise carries both markers their contextual states say far more about
 * the relation than the sentence vector alone.
 */
public enum FeatureSet {
    /** [CLS] state and mean of the token states: any text. */
    PLAIN(2),
    /** PLAIN features of a whole abstract, scored by a head trained on abstracts rather than sentences. */
    ABSTRACT(2),
    /**
     * PLAIN plus the mean states of the gene marker, of the disease marker and of the words between
     * them, and the element-wise product of the two marker states (an interaction a linear head
     * cannot form by itself).
     */
    MARKED(6);

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
