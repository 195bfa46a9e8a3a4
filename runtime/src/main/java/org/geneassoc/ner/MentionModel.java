package org.geneassoc.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a name the vocabulary matched is a gene (or a disease) where it stands, learnt from the
 * annotated corpora: one logistic regression per entity type over the name and its context (see
 * {@link #features}). The vocabulary's false-friend filter judges a name once for every text; this judges
 * each match ("AEs", "shock", "NDP" are named things in some sentences and not in others). A third
 * regression, where the corpora taught one, judges whether a kept gene name names the same gene of another
 * species too ({@link #otherSpecies}): the matcher gives a name one species, and NLM-Gene and BioRED give
 * "Tnf" in a text about mice and patients both the mouse and the human gene. Stored as {@value #FILE}
 * beside the vocabulary's terms.
 */
public final class MentionModel implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String FILE = "mentions.json";
    /** Words of context on each side that {@link #features} looks at. */
    static final int CONTEXT_WORDS = 2;
    /** Characters of text on each side searched for those words. */
    private static final int CONTEXT_CHARS = 60;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One type's regression: a weight per feature (0 for features it never saw), an intercept and the probability a mention must reach. */
    public record Head(Map<String, Double> weights, double intercept, double threshold) implements Serializable {
        public Head {
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("A mention model's threshold is a probability between 0 and 1, not " + threshold);
            }
            weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        }

        public double probability(List<String> features) {
            double z = intercept;
            for (String f : features) {
                z += weights.getOrDefault(f, 0.0);
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    private final Map<Concept.EntityType, Head> heads;
    private final Head species;
    private final Map<String, Object> about;

    /**
     * @param heads   one per {@link Concept.EntityType}
     * @param species whether a gene name names a candidate of another species too; null: never
     * @param about   how it was learnt (corpora, rows, regularisation), for the reader
     */
    public MentionModel(Map<Concept.EntityType, Head> heads, Head species, Map<String, Object> about) {
        for (Concept.EntityType t : Concept.EntityType.values()) {
            if (!heads.containsKey(t)) {
                throw new IllegalArgumentException("A mention model has one head per entity type; " + t + " has none");
            }
        }
        this.heads = new EnumMap<>(heads);
        this.species = species;
        this.about = about == null ? Map.of() : new LinkedHashMap<>(about);
    }

    public Head head(Concept.EntityType type) {
        return heads.get(type);
    }

    /** The head that names genes of other species too, or null. */
    public Head species() {
        return species;
    }

    public Map<String, Object> about() {
        return about;
    }

    /** The mentions of {@code found} (all matched in {@code text}) that their type's head keeps. */
    public List<Mention> keep(Vocabulary vocabulary, String text, List<Mention> found) {
        Map<String, Integer> perConcept = perConcept(found);
        List<Mention> out = new ArrayList<>(found.size());
        for (Mention m : found) {
            Head h = heads.get(m.concept().type());
            if (h.probability(features(vocabulary, text, m, perConcept)) >= h.threshold()) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * {@code kept} (matched in {@code text}, with {@code context} about the same study) and, after each gene
     * mention, the same span as the gene of another species where the species head says it names that one too.
     */
    public List<Mention> withOtherSpecies(Vocabulary vocabulary, String text, String context, List<Mention> kept) {
        if (species == null) {
            return kept;
        }
        Map<String, List<Concept>> also = new HashMap<>();
        for (Candidate c : otherSpecies(vocabulary, text, context, kept)) {
            if (species.probability(c.features()) >= species.threshold()) {
                also.computeIfAbsent(c.source().concept().id(), k -> new ArrayList<>()).add(c.concept());
            }
        }
        if (also.isEmpty()) {
            return kept;
        }
        List<Mention> out = new ArrayList<>(kept.size() + also.size());
        for (Mention m : kept) {
            out.add(m);
            if (m.concept().type() == Concept.EntityType.GENE) {
                also.getOrDefault(m.concept().id(), List.of()).forEach(c -> out.add(new Mention(m.start(), m.end(), m.text(), c)));
            }
        }
        return out;
    }

    /** A gene of another species that a gene mention's name may name too, with the features the species head reads. */
    public record Candidate(Mention source, Concept concept, List<String> features) {
    }

    /**
     * For each gene of another species that the names of {@code found}'s gene mentions name (the vocabulary's
     * entry for the name in that species, or a rodent gene's human ortholog; see {@link #names}) and that no mention names yet,
     * its first mention's features: the two species; how often the study names each species (in {@code text}
     * and {@code context}) and whether a word near the mention names either; what share of the text's genes
     * are of either species and how many genes it names; what share of its gene names are written the way
     * either species' symbols are (see {@link NomenclatureStyle}); the candidate entry's source and case
     * against the text; whether the two genes are orthologs; the name's shape; how often the text names the gene.
     */
    public static List<Candidate> otherSpecies(Vocabulary vocabulary, String text, String context, List<Mention> found) {
        // Species words are counted once a candidate needs them: most texts have none, and this runs on every text.
        int[] cues = null;
        int allCues = 0;
        int[] styles = null;
        int styled = 0;
        Map<String, Species> genes = new LinkedHashMap<>();
        Map<String, Integer> repeated = new HashMap<>();
        for (Mention m : found) {
            if (m.concept().type() == Concept.EntityType.GENE) {
                genes.putIfAbsent(m.concept().id(), m.concept().species());
                repeated.merge(m.concept().id(), 1, Integer::sum);
            }
        }
        int[] bySpecies = new int[Species.values().length];
        genes.values().forEach(s -> bySpecies[s.ordinal()]++);
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (Mention m : found) {
            if (m.concept().type() != Concept.EntityType.GENE) {
                continue;
            }
            Species given = m.concept().species();
            Vocabulary.GeneTerms names = names(vocabulary, m);
            int[] near = null;
            for (Species s : Species.values()) {
                Vocabulary.Term term = s == given || names == null ? null : names.of(s);
                Concept c = term != null ? term.concept()
                        : s == Species.HUMAN && s != given && m.concept().orthologId() != null ? vocabulary.gene(m.concept().orthologId()) : null;
                if (c == null || genes.containsKey(c.id()) || out.containsKey(c.id())) {
                    continue;
                }
                if (cues == null) {
                    cues = new int[Species.values().length];
                    EntityMatcher.countCues(text, 0, text.length(), cues);
                    if (context != null) {
                        EntityMatcher.countCues(context, 0, context.length(), cues);
                    }
                    allCues = cues[0] + cues[1] + cues[2];
                }
                if (near == null) {
                    near = new int[Species.values().length];
                    EntityMatcher.countCues(text, Math.max(0, m.start() - NEAR_CHARS), Math.min(text.length(), m.end() + NEAR_CHARS), near);
                }
                List<String> f = new ArrayList<>(20);
                f.add("pair=" + s + "<" + given);
                for (Species named : Species.values()) {
                    f.add("cues " + named + "=" + count(cues[named.ordinal()]));
                }
                f.add("candidate cue share=" + share(cues[s.ordinal()], allCues));
                f.add("given cue share=" + share(cues[given.ordinal()], allCues));
                if (near[s.ordinal()] > 0) {
                    f.add("candidate cue near");
                }
                if (near[given.ordinal()] > 0) {
                    f.add("given cue near");
                }
                f.add("candidate genes=" + share(bySpecies[s.ordinal()], genes.size()));
                f.add("given genes=" + share(bySpecies[given.ordinal()], genes.size()));
                f.add("genes=" + count(genes.size()));
                if (styles == null) {
                    styles = NomenclatureStyle.count(found);
                    styled = Arrays.stream(styles).sum();
                }
                f.add("candidate style share=" + share(styles[NomenclatureStyle.of(s).ordinal()], styled));
                f.add("given style share=" + share(styles[NomenclatureStyle.of(given).ordinal()], styled));
                f.add("source=" + (term == null ? "ortholog" : source(term.source())));
                f.add("case=" + (term == null ? "none" : term.form().equals(m.text()) ? "same" : term.form().equalsIgnoreCase(m.text()) ? "other case" : "other"));
                if (given == Species.HUMAN ? m.concept().id().equals(c.orthologId()) : c.id().equals(m.concept().orthologId())) {
                    f.add("orthologs");
                }
                String shape = shape(m.text());
                f.add("shape=" + (shape.length() > 12 ? shape.substring(0, 12) : shape));
                f.add("repeated=" + Math.min(repeated.get(m.concept().id()), 4));
                out.put(c.id(), new Candidate(m, c, f));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * A gene mention's name in every species: its text's, or, where the text names no gene, its gene's symbol's. A
     * coordination's member stands on its number: the "2" of "ERK1/2" is human MAPK1, and its symbol finds the mouse
     * Mapk1 it may name too, as "ERK1" finds Mapk3.
     */
    private static Vocabulary.GeneTerms names(Vocabulary vocabulary, Mention m) {
        Vocabulary.GeneTerms byText = vocabulary.genes(TermKey.gene(m.text()));
        return byText != null ? byText : vocabulary.genes(TermKey.gene(m.concept().name()));
    }

    /**
     * How gene symbols are written: human ones in capitals ("BRCA1"), mouse and rat ones with a capital and then
     * small letters ("Brca1"). A study of human cells that names mice once still writes its genes the human way.
     */
    enum NomenclatureStyle {
        HUMAN, RODENT;

        static NomenclatureStyle of(Species s) {
            return s == Species.HUMAN ? HUMAN : RODENT;
        }

        /** The text's gene mentions written in each style (by ordinal); names with fewer than two letters, or mixed ("mTOR"), in neither. */
        static int[] count(List<Mention> found) {
            int[] out = new int[values().length];
            for (Mention m : found) {
                if (m.concept().type() != Concept.EntityType.GENE) {
                    continue;
                }
                String letters = m.text().codePoints().filter(Character::isLetter)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                if (letters.length() < 2) {
                    continue;
                }
                String rest = letters.substring(1);
                if (letters.equals(letters.toUpperCase(Locale.ROOT))) {
                    out[HUMAN.ordinal()]++;
                } else if (Character.isUpperCase(letters.charAt(0)) && rest.equals(rest.toLowerCase(Locale.ROOT))) {
                    out[RODENT.ordinal()]++;
                }
            }
            return out;
        }
    }

    /** Characters on each side of a mention in which a species word counts as near it. */
    private static final int NEAR_CHARS = 100;

    private static String count(int n) {
        return n <= 2 ? String.valueOf(n) : n <= 4 ? "3-4" : "5+";
    }

    private static String share(int part, int whole) {
        if (whole == 0) {
            return "none";
        }
        double x = part / (double) whole;
        return x == 0 ? "0" : x < 1 / 3.0 ? "low" : x < 2 / 3.0 ? "mid" : x < 1 ? "high" : "all";
    }

    /** How many of {@code found} name each concept: a name a text repeats is more likely meant. */
    public static Map<String, Integer> perConcept(List<Mention> found) {
        Map<String, Integer> out = new HashMap<>();
        for (Mention m : found) {
            out.merge(m.concept().type() + m.concept().id(), 1, Integer::sum);
        }
        return out;
    }

    /**
     * The features of a match, each with value 1 (training and the job both read mentions through this):
     * its name key; for genes the species it was given and in how many species the vocabulary has the
     * name; where the name came from (gene symbol, synonym, annotated corpora, …) and whether the text
     * writes it as that source does; its shape ("Aa0"), length and word count; the {@value #CONTEXT_WORDS}
     * words before and after it; whether it stands in parentheses or is followed by one (a short form's
     * definition); and how often the text names its concept.
     */
    public static List<String> features(Vocabulary vocabulary, String text, Mention m, Map<String, Integer> perConcept) {
        boolean gene = m.concept().type() == Concept.EntityType.GENE;
        List<String> f = new ArrayList<>(16);
        String key = gene ? TermKey.gene(m.text()) : TermKey.disease(m.text());
        f.add("key=" + key);
        Vocabulary.Term term;
        if (gene) {
            Vocabulary.GeneTerms g = vocabulary.genes(key);
            term = g == null ? null : g.of(m.concept().species());
            f.add("species=" + m.concept().species());
            f.add("species named=" + (g == null ? 0 : g.present().count()));
        } else {
            term = vocabulary.disease(key);
        }
        f.add("source=" + (term == null ? "none" : source(term.source())));
        f.add("case=" + (term == null ? "none" : term.form().equals(m.text()) ? "same" : term.form().equalsIgnoreCase(m.text()) ? "other case" : "other"));
        String shape = shape(m.text());
        f.add("shape=" + (shape.length() > 12 ? shape.substring(0, 12) : shape));
        f.add("length=" + Math.min(TermKey.shape(m.text()).length(), 10));
        f.add("words=" + Math.min(m.text().split(" ").length, 4));
        List<String> before = words(text, Math.max(0, m.start() - CONTEXT_CHARS), m.start());
        List<String> after = words(text, m.end(), Math.min(text.length(), m.end() + CONTEXT_CHARS));
        for (int i = 1; i <= CONTEXT_WORDS; i++) {
            f.add("before" + i + "=" + (before.size() >= i ? before.get(before.size() - i) : "^"));
            f.add("after" + i + "=" + (after.size() >= i ? after.get(i - 1) : "$"));
        }
        if (m.start() > 0 && text.charAt(m.start() - 1) == '(' && m.end() < text.length() && text.charAt(m.end()) == ')') {
            f.add("in parentheses");
        }
        if (text.substring(m.end(), Math.min(text.length(), m.end() + 3)).strip().startsWith("(")) {
            f.add("before parentheses");
        }
        f.add("repeated=" + Math.min(perConcept.getOrDefault(m.concept().type() + m.concept().id(), 0), 4));
        return f;
    }

    /** A term's source without the name a variant was made from ("plural of Foo" is "plural"). */
    private static String source(String source) {
        int of = source.indexOf(" of ");
        return of < 0 ? source : source.substring(0, of);
    }

    /** Upper case as A, lower case as a, digits as 0, spaces as _, each run written once: "Brca1" is "Aa0". */
    static String shape(String s) {
        StringBuilder b = new StringBuilder();
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char t = Character.isUpperCase(c) ? 'A' : Character.isLowerCase(c) ? 'a' : Character.isDigit(c) ? '0' : c == ' ' ? '_' : c;
            if (t != last) {
                b.append(t);
            }
            last = t;
        }
        return b.toString();
    }

    /** The lower-case words of letters and digits in {@code text[from, to)}, as the matcher splits them. */
    private static List<String> words(String text, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int[] w : EntityMatcher.words(text, from, to)) {
            out.add(text.substring(w[0], w[1]).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    public static MentionModel read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try {
            Stored s = JSON.readValue(file.toFile(), Stored.class);
            Map<Concept.EntityType, Head> heads = new EnumMap<>(Concept.EntityType.class);
            s.heads().forEach((type, h) -> heads.put(Concept.EntityType.valueOf(type.toUpperCase(Locale.ROOT)), h));
            return new MentionModel(heads, s.species(), s.about());
        } catch (IllegalArgumentException | NullPointerException | com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("Mention model " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, Head> byName = new LinkedHashMap<>();
        heads.forEach((type, h) -> byName.put(type.name().toLowerCase(Locale.ROOT), h));
        Files.writeString(folder.resolve(FILE), JSON.writeValueAsString(new Stored(about, byName, species)) + "\n");
    }

    /** The file's layout: heads by type name and the species head, weights sorted by feature so that a rebuild diffs cleanly. */
    private record Stored(Map<String, Object> about, Map<String, Head> heads, Head species) {
    }
}
