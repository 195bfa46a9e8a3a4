package org.geneassoc.classify;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Hashed word uni- and bigrams, present or absent. Cue phrases ("associated with", "no
 * association") carry signal the frozen encoder's pooled states blur; a hashed vocabulary keeps
 * the head small.
 */
public final class LexicalFeatures {
    private LexicalFeatures() {
    }

    public static int[] indices(String text, int bits) {
        if (bits <= 0) {
            return new int[0];
        }
        List<int[]> spans = org.geneassoc.encoder.WordPieceTokenizer.splitWords(text);
        String[] words = new String[spans.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = normalise(text.substring(spans.get(i)[0], spans.get(i)[1]));
        }
        int mask = (1 << bits) - 1;
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < words.length; i++) {
            out.add(hash("1:" + words[i]) & mask);
            if (i + 1 < words.length) {
                out.add(hash("2:" + words[i] + " " + words[i + 1]) & mask);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String normalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.chars().allMatch(Character::isDigit) ? "<num>" : lower;
    }

    /** FNV-1a: stable across JVMs and releases, unlike anything seeded per process. */
    private static int hash(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }
}
