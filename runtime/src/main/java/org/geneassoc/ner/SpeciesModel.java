package org.geneassoc.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which organism's gene a gene name in a text is: a multinomial logistic regression, trained on the
 * annotated corpora, over the organism words around the name (in its sentence, its text, the title, the
 * word before it) and what the vocabulary holds for the name (which species have it, by their own tables
 * or only through an ortholog, and whether the name is written the way a rodent table writes it). The
 * classes are the three species the vocabulary names and {@link #OTHER}, any other organism: there the
 * name is none of our genes and nothing is found.
 *
 * <p>The organism words ({@code cues}: word key → class) are learnt too, from the species annotations of
 * the SPECIES corpus and BioRED. Stored as {@value #FILE} beside the vocabulary's terms.
 *
 * @param regParam the L2 regularisation cross-validation chose (for the record)
 */
public record SpeciesModel(List<String> features, Map<String, Integer> cues, double[][] weights, double[] intercepts,
                           double regParam) implements Serializable {
    public static final String FILE = "species-model.json";
    /** The class of any organism but human, mouse and rat; classes 0-2 are {@link Species#ordinal()}. */
    public static final int OTHER = 3;
    public static final int CLASSES = 4;
    private static final String[] CLASS_NAMES = {"human", "mouse", "rat", "other"};
    /** The features, in the order {@link #features(int[], int[], int[], int, Vocabulary.GeneTerms, boolean, String, Species)} computes them. */
    public static final List<String> FEATURES = featureNames();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public SpeciesModel {
        if (!features.equals(FEATURES)) {
            throw new IllegalArgumentException("species model features " + features + "; this matcher computes " + FEATURES);
        }
        if (weights.length != CLASSES || intercepts.length != CLASSES) {
            throw new IllegalArgumentException(weights.length + " weight rows and " + intercepts.length + " intercepts for " + CLASSES + " classes");
        }
        for (double[] row : weights) {
            if (row.length != FEATURES.size()) {
                throw new IllegalArgumentException("a weight row has " + row.length + " weights for " + FEATURES.size() + " features");
            }
        }
        cues = Map.copyOf(cues);
    }

    /** A model that knows the organism words but has learnt no weights yet: what training collects features with. */
    public static SpeciesModel untrained(Map<String, Integer> cues) {
        return new SpeciesModel(FEATURES, cues, new double[CLASSES][FEATURES.size()], new double[CLASSES], 0);
    }

    /** A gene name the matcher chose a species for, with the features it chose by: the species model's training rows. */
    public record Candidate(int start, int end, Vocabulary.GeneTerms entries, double[] features) {
    }

    private static List<String> featureNames() {
        List<String> out = new ArrayList<>();
        for (String where : List.of("context", "text", "sentence")) {
            for (String c : CLASS_NAMES) {
                out.add("log1p(" + c + " words in " + where + ")");
            }
        }
        for (String c : CLASS_NAMES) {
            out.add("word before is " + c);
        }
        for (String c : CLASS_NAMES) {
            out.add("share of " + c + " words in text and context");
        }
        for (int s = 0; s < OTHER; s++) {
            out.add(CLASS_NAMES[s] + " has the name");
        }
        for (int s = 0; s < OTHER; s++) {
            out.add(CLASS_NAMES[s] + " has the name in its own table");
        }
        out.addAll(List.of("written as a rodent table writes it", "all capitals", "capitalised word", "has a digit", "six or more letters"));
        for (int s = 0; s < OTHER; s++) {
            out.add("the rule picks " + CLASS_NAMES[s]);
        }
        return List.copyOf(out);
    }

    /** The class a word names (its {@link TermKey#gene} key), or -1. */
    public int cueOf(String wordKey) {
        Integer c = cues.get(wordKey);
        return c == null ? -1 : c;
    }

    /**
     * The feature vector of one gene name.
     *
     * @param contextCues  organism words per class in the context text (the title, or the abstract for a title)
     * @param textCues     the same in the searched text
     * @param sentenceCues the same in the name's sentence
     * @param previousCue  the class the word before the name names, or -1
     * @param entries      the vocabulary's entries for the name, by species
     * @param rodentStyle  whether the span is written as a mouse or rat table writes the name and the human one does not
     * @param shape        the span's {@link TermKey#shape}
     * @param rule         the species the matcher's rule picks (the word before, else the sentence's, else the text's majority)
     */
    public static double[] features(int[] contextCues, int[] textCues, int[] sentenceCues, int previousCue, Vocabulary.GeneTerms entries,
                                    boolean rodentStyle, String shape, Species rule) {
        double[] x = new double[FEATURES.size()];
        int k = 0;
        for (int[] counts : new int[][] {contextCues, textCues, sentenceCues}) {
            for (int c = 0; c < CLASSES; c++) {
                x[k++] = Math.log1p(counts[c]);
            }
        }
        for (int c = 0; c < CLASSES; c++) {
            x[k++] = previousCue == c ? 1 : 0;
        }
        int total = 0;
        for (int c = 0; c < CLASSES; c++) {
            total += contextCues[c] + textCues[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            x[k++] = total == 0 ? 0 : (double) (contextCues[c] + textCues[c]) / total;
        }
        for (Species s : Species.values()) {
            x[k++] = entries.of(s) != null ? 1 : 0;
        }
        for (Species s : Species.values()) {
            Vocabulary.Term t = entries.of(s);
            x[k++] = t != null && !t.source().startsWith("human name") && !t.source().startsWith("rodent name") ? 1 : 0;
        }
        x[k++] = rodentStyle ? 1 : 0;
        boolean letters = shape.chars().anyMatch(Character::isLetter);
        x[k++] = letters && shape.equals(shape.toUpperCase(java.util.Locale.ROOT)) ? 1 : 0;
        x[k++] = shape.length() > 1 && Character.isUpperCase(shape.charAt(0))
                && shape.substring(1).equals(shape.substring(1).toLowerCase(java.util.Locale.ROOT)) ? 1 : 0;
        x[k++] = shape.chars().anyMatch(Character::isDigit) ? 1 : 0;
        x[k++] = shape.chars().filter(Character::isLetter).count() >= 6 ? 1 : 0;
        x[k + rule.ordinal()] = 1;
        return x;
    }

    /**
     * The most probable class among those the name can be: a species the vocabulary has the name in, or
     * {@link #OTHER}. Returns the class index.
     */
    public int choose(double[] x, Vocabulary.GeneTerms entries) {
        int best = OTHER;
        double bestScore = score(x, OTHER);
        for (Species s : Species.values()) {
            if (entries.of(s) != null) {
                double v = score(x, s.ordinal());
                if (v > bestScore) {
                    best = s.ordinal();
                    bestScore = v;
                }
            }
        }
        return best;
    }

    /** The linear score of a class (the softmax's argument: the class with the largest is the most probable). */
    private double score(double[] x, int c) {
        double z = intercepts[c];
        for (int i = 0; i < x.length; i++) {
            z += weights[c][i] * x[i];
        }
        return z;
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    public static SpeciesModel read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), SpeciesModel.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("Cannot read species model " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve(FILE).toFile(), this);
    }
}
