package org.geneassoc.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.encoder.OnnxEncoder;
import org.geneassoc.encoder.WordPieceTokenizer.Encoding;

/**
 * Turns premises into {@link Features}. Inputs are encoded in batches of similar length so that
 * padding, which costs as much as real tokens, stays small.
 */
public final class Featurizer {
    /** BERT position embeddings end at 512. */
    public static final int MAX_TOKENS = 512;

    private final OnnxEncoder encoder;
    private final LayerRange layers;
    private final int lexicalBits;
    private final int batchSize;

    /** @param layers the encoder layers whose states are averaged (see {@link LayerRange}) unless a call names others */
    public Featurizer(OnnxEncoder encoder, LayerRange layers, int lexicalBits, int batchSize) {
        this.encoder = encoder;
        this.layers = layers;
        encoder.checkLayers(layers);
        this.lexicalBits = lexicalBits;
        this.batchSize = batchSize;
    }

    public int hiddenSize() {
        return encoder.hiddenSize();
    }

    /** Features of each premise, in input order; each premise gets the feature set its markers allow. */
    public List<Features> featurize(List<String> premises) {
        return featurize(premises, null, layers);
    }

    /**
     * As {@link #featurize(List)}, but with every premise given {@code forced} when it is not null, and
     * states averaged over {@code range}.
     */
    public List<Features> featurize(List<String> premises, FeatureSet forced, LayerRange range) {
        int n = premises.size();
        Encoding[] encodings = new Encoding[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            encodings[i] = encoder.tokenizer().encode(premises.get(i), MAX_TOKENS);
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].length()));
        Features[] out = new Features[n];
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            List<Encoding> batch = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                batch.add(encodings[order[k]]);
            }
            float[][][] states = encoder.hiddenStates(batch, range);
            for (int k = from; k < to; k++) {
                int i = order[k];
                out[i] = pool(premises.get(i), encodings[i], states[k - from], forced);
            }
        }
        return List.of(out);
    }

    private Features pool(String premise, Encoding enc, float[][] states, FeatureSet forced) {
        FeatureSet set = forced != null ? forced : FeatureSet.forPremise(premise);
        int h = encoder.hiddenSize();
        float[] dense = new float[set.dims(h)];
        System.arraycopy(states[0], 0, dense, 0, h);
        meanInto(states, 1, enc.length() - 1, null, dense, h);
        if (set == FeatureSet.MARKED) {
            boolean[] gene = markerTokens(premise, Markers.GENE, enc);
            boolean[] disease = markerTokens(premise, Markers.DISEASE, enc);
            meanInto(states, 1, enc.length() - 1, gene, dense, 2 * h);
            meanInto(states, 1, enc.length() - 1, disease, dense, 3 * h);
            meanInto(states, 1, enc.length() - 1, between(gene, disease), dense, 4 * h);
            for (int d = 0; d < h; d++) {
                dense[5 * h + d] = dense[2 * h + d] * dense[3 * h + d];
            }
        }
        return new Features(set, dense, LexicalFeatures.indices(premise, lexicalBits));
    }

    /** Which tokens fall inside any occurrence of the marker. */
    private static boolean[] markerTokens(String premise, String marker, Encoding enc) {
        boolean[] hit = new boolean[enc.length()];
        for (int at = premise.indexOf(marker); at >= 0; at = premise.indexOf(marker, at + 1)) {
            int end = at + marker.length();
            for (int t = 0; t < enc.length(); t++) {
                if (enc.starts()[t] >= at && enc.ends()[t] <= end && enc.starts()[t] >= 0) {
                    hit[t] = true;
                }
            }
        }
        return hit;
    }

    /** Tokens after the first marker's last token and before the other marker's first token. */
    private static boolean[] between(boolean[] a, boolean[] b) {
        int lastA = lastTrue(a), firstB = firstTrue(b), lastB = lastTrue(b), firstA = firstTrue(a);
        boolean[] out = new boolean[a.length];
        int from = lastA < firstB ? lastA + 1 : lastB + 1;
        int to = lastA < firstB ? firstB : firstA;
        for (int t = Math.max(from, 0); t < to && t < out.length; t++) {
            out[t] = !a[t] && !b[t];
        }
        return out;
    }

    private static int firstTrue(boolean[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i]) {
                return i;
            }
        }
        return -1;
    }

    private static int lastTrue(boolean[] x) {
        for (int i = x.length - 1; i >= 0; i--) {
            if (x[i]) {
                return i;
            }
        }
        return -1;
    }

    private static void meanInto(float[][] states, int from, int to, boolean[] only, float[] dense, int offset) {
        int h = states[0].length;
        int count = 0;
        for (int t = from; t < to; t++) {
            if (only != null && !only[t]) {
                continue;
            }
            for (int d = 0; d < h; d++) {
                dense[offset + d] += states[t][d];
            }
            count++;
        }
        if (count > 0) {
            for (int d = 0; d < h; d++) {
                dense[offset + d] /= count;
            }
        }
    }
}
