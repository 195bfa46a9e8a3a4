package org.geneassoc.ner;

import java.util.Locale;
import java.util.Map;

/**
 * The lookup key of a name: Greek letters spelt out, possessive 's dropped, lower case, everything but
 * letters and digits removed (so "IL-6", "IL 6" and "IL6" meet). Disease keys also drop a plural s
 * from the last word ("carcinomas" → "carcinoma").
 */
public final class TermKey {
    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "alpha"), Map.entry('β', "beta"), Map.entry('γ', "gamma"), Map.entry('δ', "delta"),
            Map.entry('ε', "epsilon"), Map.entry('ζ', "zeta"), Map.entry('η', "eta"), Map.entry('θ', "theta"),
            Map.entry('ι', "iota"), Map.entry('κ', "kappa"), Map.entry('λ', "lambda"), Map.entry('μ', "mu"),
            Map.entry('ν', "nu"), Map.entry('ξ', "xi"), Map.entry('π', "pi"), Map.entry('ρ', "rho"),
            Map.entry('σ', "sigma"), Map.entry('τ', "tau"), Map.entry('υ', "upsilon"), Map.entry('φ', "phi"),
            Map.entry('χ', "chi"), Map.entry('ψ', "psi"), Map.entry('ω', "omega"), Map.entry('Α', "alpha"),
            Map.entry('Β', "beta"), Map.entry('Γ', "gamma"), Map.entry('Δ', "delta"), Map.entry('Κ', "kappa"));

    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s\\b");

    private TermKey() {
    }

    public static String gene(String name) {
        return key(name, false);
    }

    public static String disease(String name) {
        return key(name, true);
    }

    /** Letters and digits only, Greek spelt out, case kept: for case-sensitive comparisons of short symbols. */
    public static String shape(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String g = c < 128 ? null : GREEK.get(c);
            if (g != null) {
                sb.append(g);
            } else if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The name with a possessive 's dropped, as keys drop it ("Alzheimer's disease" → "Alzheimer disease"). */
    public static String withoutPossessive(String name) {
        return name.indexOf('\'') < 0 && name.indexOf('’') < 0 ? name : POSSESSIVE.matcher(name).replaceAll("");
    }

    private static String key(String name, boolean singular) {
        String s = withoutPossessive(name);
        StringBuilder sb = new StringBuilder(s.length());
        int lastWordStart = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String g = c < 128 ? null : GREEK.get(c);
            if (g != null || Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    lastWordStart = sb.length();
                    inWord = true;
                }
                sb.append(g != null ? g : String.valueOf(c).toLowerCase(Locale.ROOT));
            } else if (inWord) {
                american(sb, lastWordStart);
                inWord = false;
            }
        }
        if (inWord) {
            american(sb, lastWordStart);
        }
        String key = sb.toString();
        return singular ? singular(key, key.length() - lastWordStart) : key;
    }

    private static final String[][] BRITISH = {{"aem", "em"}, {"rhoea", "rhea"}, {"oedem", "edem"}, {"oesoph", "esoph"},
            {"oestr", "estr"}, {"foet", "fet"}, {"paed", "ped"}};

    /**
     * British spellings of the word from {@code from} on as American ones, as MeSH spells them: "tumour",
     * "anaemia", "oedema", "goitre", "paediatric" meet "tumor", "anemia", "edema", "goiter", "pediatric".
     */
    private static void american(StringBuilder sb, int from) {
        int n = sb.length() - from;
        if (n <= 4) {
            return;
        }
        String word = sb.substring(from);
        String w = word;
        if (w.contains("ae") || w.contains("oe")) {
            for (String[] r : BRITISH) {
                w = w.replace(r[0], r[1]);
            }
        }
        if (w.endsWith("our") || w.endsWith("ours") || w.endsWith("tre") || w.endsWith("tres")) {
            String stem = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
            String plural = w.substring(stem.length());
            if (stem.endsWith("our")) {
                w = stem.substring(0, stem.length() - 3) + "or" + plural;
            } else if (stem.length() > 5) {
                w = stem.substring(0, stem.length() - 3) + "ter" + plural;
            }
        }
        if (!w.equals(word)) {
            sb.setLength(from);
            sb.append(w);
        }
    }

    /** A disease key from a gene key whose last word is {@code lastWordLength} long: a plural s dropped. */
    static String singular(String key, int lastWordLength) {
        int n = key.length();
        return lastWordLength > 4 && key.charAt(n - 1) == 's' && key.charAt(n - 2) != 's' ? key.substring(0, n - 1) : key;
    }
}
