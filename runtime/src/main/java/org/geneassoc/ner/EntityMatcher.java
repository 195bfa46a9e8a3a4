package org.geneassoc.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds gene and disease names in a text by longest dictionary match over word spans. Short gene
 * symbols must match with their case ("CAT" the gene, not "cat"); a short form defined in the text
 * ("Alzheimer's disease (AD)") names the same concept everywhere after it in that text.
 */
public final class EntityMatcher {
    /** Longest name looked up, in words. */
    static final int MAX_WORDS = 8;
    /** Gene names at least this long (letters and digits) may match in any case. */
    static final int CASE_FREE_GENE = 6;
    /** Disease names at most this long are abbreviations and must match with their case. */
    static final int CASED_DISEASE = 4;
    private static final Pattern SHORT_FORM = Pattern.compile("\\G\\s*\\(([A-Za-z][A-Za-z0-9αβγδκ-]{1,9})\\)");

    private final Vocabulary vocabulary;

    public EntityMatcher(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Non-overlapping mentions in text order: at each word the longest span of up to {@link #MAX_WORDS}
     * words that names something. A span's key is its words' keys joined, so each word is keyed once,
     * and a span stops growing once no vocabulary key begins with it.
     */
    public List<Mention> find(String text) {
        List<int[]> words = words(text);
        int count = words.size();
        String[] wordKeys = new String[count];
        boolean[] possessive = new boolean[count];
        for (int w = 0; w < count; w++) {
            int start = words.get(w)[0];
            int end = words.get(w)[1];
            wordKeys[w] = TermKey.gene(text.substring(start, end));
            possessive[w] = isPossessive(text, start, end);
        }
        List<Mention> found = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < count) {
            Mention best = null;
            int used = 1;
            key.setLength(0);
            int lastWordLength = 0;
            for (int n = 1; n <= Math.min(MAX_WORDS, count - i); n++) {
                int w = i + n - 1;
                // TermKey drops a possessive 's inside a span, so "Alzheimer's" keys as "Alzheimer".
                if (n == 1 || !possessive[w]) {
                    key.append(wordKeys[w]);
                    lastWordLength = wordKeys[w].length();
                }
                String spanKey = key.toString();
                Mention m = lookup(text, words.get(i)[0], words.get(w)[1], spanKey, lastWordLength);
                if (m != null) {
                    best = m;
                    used = n;
                }
                boolean nextDropped = w + 1 < count && possessive[w + 1];
                if (!nextDropped && !vocabulary.hasKeyStartingWith(spanKey)) {
                    break;
                }
            }
            if (best != null) {
                found.add(best);
                i += used;
            } else {
                i++;
            }
        }
        return withShortForms(text, words, found);
    }

    /** An "s" right after an apostrophe, as TermKey's possessive rule sees it. */
    private static boolean isPossessive(String text, int start, int end) {
        return end - start == 1 && text.charAt(start) == 's' && start > 0
                && (text.charAt(start - 1) == '\'' || text.charAt(start - 1) == '’')
                && (end == text.length() || text.charAt(end) != '_');
    }

    /** @param key the span's gene key (see {@link TermKey}); the disease key differs only by a plural s */
    private Mention lookup(String text, int start, int end, String key, int lastWordLength) {
        Vocabulary.Term disease = vocabulary.disease(TermKey.singular(key, lastWordLength));
        if (disease != null && diseaseCaseOk(text.substring(start, end), disease.form())) {
            return new Mention(start, end, text.substring(start, end), disease.concept());
        }
        Vocabulary.Term gene = vocabulary.gene(key);
        if (gene != null && geneCaseOk(text.substring(start, end), gene.form())) {
            return new Mention(start, end, text.substring(start, end), gene.concept());
        }
        return null;
    }

    static boolean geneCaseOk(String span, String form) {
        String s = TermKey.shape(span);
        String f = TermKey.shape(form);
        if (s.equals(f) || f.length() >= CASE_FREE_GENE) {
            return true;
        }
        // Mouse and rat style (Brca1, Tnf) for symbols that are not plain words.
        return s.length() >= 3 && Character.isUpperCase(s.charAt(0)) && s.substring(1).equals(s.substring(1).toLowerCase())
                && s.equalsIgnoreCase(f) && f.chars().anyMatch(Character::isDigit);
    }

    static boolean diseaseCaseOk(String span, String form) {
        String f = TermKey.shape(form);
        return f.length() > CASED_DISEASE || TermKey.shape(span).equals(f);
    }

    /** "long form (SF)": the short form names the long form's concept from then on in this text. */
    private static List<Mention> withShortForms(String text, List<int[]> words, List<Mention> found) {
        Map<String, Concept> shortForms = new HashMap<>();
        for (Mention m : found) {
            Matcher sf = SHORT_FORM.matcher(text);
            sf.region(m.end(), text.length());
            if (sf.lookingAt()) {
                shortForms.putIfAbsent(TermKey.shape(sf.group(1)), m.concept());
            }
        }
        if (shortForms.isEmpty()) {
            return found;
        }
        List<Mention> all = new ArrayList<>(found);
        int k = 0;
        for (int[] w : words) {
            while (k < found.size() && found.get(k).end() <= w[0]) {
                k++;
            }
            boolean covered = k < found.size() && found.get(k).start() < w[1] && w[0] < found.get(k).end();
            Concept c = covered ? null : shortForms.get(TermKey.shape(text.substring(w[0], w[1])));
            if (c != null) {
                all.add(new Mention(w[0], w[1], text.substring(w[0], w[1]), c));
            }
        }
        all.sort(java.util.Comparator.comparingInt(Mention::start));
        return all;
    }

    /** Spans of letter-and-digit runs: "IL-6" is two words, which a two-word lookup joins again. */
    static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
