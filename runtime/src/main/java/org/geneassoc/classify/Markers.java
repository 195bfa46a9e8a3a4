package org.geneassoc.classify;

/** The entity masks of the GAD corpus; the pair scorer writes candidates the same way. */
public final class Markers {
    public static final String GENE = "@GENE$";
    public static final String DISEASE = "@DISEASE$";

    private Markers() {
    }
}
