package org.geneassoc.classify;

/** One premise's dense encoder features and the hashed lexical n-gram indices present in it. */
public record Features(FeatureSet set, float[] dense, int[] lexical) {
}
