package org.geneassoc.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which species (human, mouse or rat) an abstract's genes belong to, learnt from the annotated corpora: a
 * multinomial logistic regression over the words of the title and abstract (see {@link #features}). Corpora
 * such as BioRED and NLM-Gene give a gene name the Entrez ID of the organism the study is about, and the
 * words that say so are many more than the names of the species ("knockout", "transgenic", cell lines,
 * strains). Stored as {@value #FILE} beside the vocabulary's terms.
 */
public final class SpeciesModel implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String FILE = "species.json";
    /** The fewest distinct words of a text the model judges: a title has about 10; 27 of the 3,000 annotated abstracts have fewer than 40. */
    public static final int MIN_WORDS = 40;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> words;
    private final double[][] weights;
    private final double[] intercepts;
    private final Map<String, Object> about;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @param words      the features, in weight order
     * @param weights    per {@link Species#ordinal()}: one weight per word
     * @param intercepts per {@link Species#ordinal()}
     * @param about      how it was learnt (corpora, abstracts, regularisation), for the reader
     */
    public SpeciesModel(List<String> words, double[][] weights, double[] intercepts, Map<String, Object> about) {
        this.words = List.copyOf(words);
        if (weights.length != Species.values().length || intercepts.length != Species.values().length) {
            throw new IllegalArgumentException("A species model has one row of weights and one intercept per species (" + Species.values().length + ")");
        }
        for (double[] row : weights) {
            if (row.length != words.size()) {
                throw new IllegalArgumentException("A species model has one weight per feature: " + row.length + " weights for " + words.size() + " features");
            }
        }
        this.weights = weights;
        this.intercepts = intercepts;
        this.about = about == null ? Map.of() : new LinkedHashMap<>(about);
        for (int i = 0; i < this.words.size(); i++) {
            index.put(this.words.get(i), i);
        }
    }

    public List<String> words() {
        return words;
    }

    /** The weight of a feature for a species (0 for one the model does not know). */
    public double weight(Species species, String word) {
        Integer i = index.get(word);
        return i == null ? 0 : weights[species.ordinal()][i];
    }

    public Map<String, Object> about() {
        return about;
    }

    /** A gene symbol written as mouse and rat genes are ("Brca1", "Pax6") and as human genes are ("BRCA1"). */
    private static final Pattern RODENT_SYMBOL = Pattern.compile("[A-Z][a-z]{1,6}\\d{1,3}[a-z]?");
    private static final Pattern HUMAN_SYMBOL = Pattern.compile("[A-Z][A-Z0-9]{1,6}\\d[A-Z]?");

    /**
     * The features of a study's text, title and abstract alike (training and the job both read text
     * through this): each distinct lower-case word of letters and digits (two characters or more) with
     * value 1; and, named with a leading {@code #}, how often the text names each species ({@code log(1 + n)}),
     * the species the earlier rule picks from those counts, and how many gene symbols it writes in the
     * rodent and in the human style ({@code log(1 + n)}).
     */
    public static Map<String, Double> features(String text, String context) {
        Map<String, Double> out = new HashMap<>();
        int[] cues = new int[Species.values().length];
        int rodentStyle = 0;
        int humanStyle = 0;
        for (String part : new String[] {text, context}) {
            if (part == null) {
                continue;
            }
            int start = -1;
            for (int i = 0; i <= part.length(); i++) {
                boolean in = i < part.length() && Character.isLetterOrDigit(part.charAt(i));
                if (in && start < 0) {
                    start = i;
                } else if (!in && start >= 0) {
                    String word = part.substring(start, i);
                    String lower = word.toLowerCase(Locale.ROOT);
                    if (word.length() >= 2) {
                        out.put(lower, 1.0);
                    }
                    Species cue = Species.cuedBy(lower);
                    if (cue != null) {
                        cues[cue.ordinal()]++;
                    }
                    // Both styles end in a digit: most words need no pattern match.
                    if (hasDigit(word)) {
                        rodentStyle += RODENT_SYMBOL.matcher(word).matches() ? 1 : 0;
                        humanStyle += HUMAN_SYMBOL.matcher(word).matches() ? 1 : 0;
                    }
                    start = -1;
                }
            }
        }
        for (Species s : Species.values()) {
            out.put("#names " + s.name().toLowerCase(Locale.ROOT), Math.log1p(cues[s.ordinal()]));
        }
        out.put("#rule " + EntityMatcher.textSpecies(cues).name().toLowerCase(Locale.ROOT), 1.0);
        out.put("#rodent-style symbols", Math.log1p(rodentStyle));
        out.put("#human-style symbols", Math.log1p(humanStyle));
        return out;
    }

    /**
     * The most likely species of the genes of a study with this text and context (its title); null for a
     * text shorter than {@value #MIN_WORDS} distinct words (a title without its abstract), unlike anything
     * the model learnt from: its weights assume a whole abstract's words.
     */
    public Species species(String text, String context) {
        Map<String, Double> features = features(text, context);
        long words = features.keySet().stream().filter(f -> !f.startsWith("#")).count();
        return words < MIN_WORDS ? null : predict(features);
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The most likely species for these {@link #features}. */
    public Species predict(Map<String, Double> features) {
        double[] score = intercepts.clone();
        for (Map.Entry<String, Double> f : features.entrySet()) {
            Integer i = index.get(f.getKey());
            if (i != null) {
                for (int s = 0; s < score.length; s++) {
                    score[s] += weights[s][i] * f.getValue();
                }
            }
        }
        int best = 0;
        for (int s = 1; s < score.length; s++) {
            if (score[s] > score[best]) {
                best = s;
            }
        }
        return Species.values()[best];
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    public static SpeciesModel read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try {
            Stored s = JSON.readValue(file.toFile(), Stored.class);
            double[][] weights = new double[Species.values().length][];
            double[] intercepts = new double[Species.values().length];
            for (Species sp : Species.values()) {
                String name = sp.name().toLowerCase(Locale.ROOT);
                if (!s.weights().containsKey(name) || !s.intercepts().containsKey(name)) {
                    throw new IOException(file + ": no weights or intercept for " + name);
                }
                weights[sp.ordinal()] = s.weights().get(name);
                intercepts[sp.ordinal()] = s.intercepts().get(name);
            }
            return new SpeciesModel(s.words(), weights, intercepts, s.about());
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("Species model " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, double[]> w = new LinkedHashMap<>();
        Map<String, Double> b = new LinkedHashMap<>();
        for (Species s : Species.values()) {
            w.put(s.name().toLowerCase(Locale.ROOT), weights[s.ordinal()]);
            b.put(s.name().toLowerCase(Locale.ROOT), intercepts[s.ordinal()]);
        }
        Files.writeString(folder.resolve(FILE), JSON.writeValueAsString(new Stored(about, words, b, w)) + "\n");
    }

    /** The file's layout: species by name, so a reader need not know the enum's order. */
    private record Stored(Map<String, Object> about, List<String> words, Map<String, Double> intercepts, Map<String, double[]> weights) {
    }
}
