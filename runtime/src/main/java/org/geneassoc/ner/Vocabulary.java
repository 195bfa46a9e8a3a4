package org.geneassoc.ner;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Name → concept dictionaries as the build wrote them ({@code vocabulary/terms.tsv.gz}): for genes one
 * concept per name and species (human, mouse, rat), for diseases one concept per name; with the
 * {@link MentionModel} ({@value MentionModel#FILE}) where the build learnt one.
 */
public final class Vocabulary {
    public static final String FILE = "terms.tsv.gz";
    private static final String[] COLUMNS = {"type", "key", "form", "id", "name", "taxon", "hgncId", "meshId", "orthologId",
            "orthologSymbol", "source"};

    /** A dictionary entry: the name as the source spelt it, what it names, and where it came from. */
    public record Term(String form, Concept concept, String source) {
    }

    /** A gene name's entries, indexed by {@link Species#ordinal()}; a species without the name has null. */
    public record GeneTerms(Term[] bySpecies) {
        public Term of(Species s) {
            return bySpecies[s.ordinal()];
        }

        public Stream<Term> present() {
            return Arrays.stream(bySpecies).filter(java.util.Objects::nonNull);
        }
    }

    private final Map<String, GeneTerms> genes;
    private final Map<String, Term> diseases;
    private final Map<String, Concept> genesById;
    /** Every key, sorted: a matcher stops lengthening a span once no key begins with it. */
    private final String[] sortedKeys;
    private final MentionModel mentions;

    public Vocabulary(Map<String, GeneTerms> genes, Map<String, Term> diseases) {
        this.genes = genes;
        this.diseases = diseases;
        this.mentions = null;
        this.genesById = new HashMap<>();
        genes.values().forEach(g -> g.present().forEach(t -> genesById.putIfAbsent(t.concept().id(), t.concept())));
        this.sortedKeys = Stream.concat(genes.keySet().stream(), diseases.keySet().stream()).sorted().distinct().toArray(String[]::new);
    }

    /** The same names, and the indexes built from them (sorting 600,000 keys takes a while), with another mention model. */
    private Vocabulary(Vocabulary names, MentionModel mentions) {
        this.genes = names.genes;
        this.diseases = names.diseases;
        this.genesById = names.genesById;
        this.sortedKeys = names.sortedKeys;
        this.mentions = mentions;
    }

    /** Whether some gene or disease key begins with {@code prefix} (or is it). */
    public boolean hasKeyStartingWith(String prefix) {
        int i = Arrays.binarySearch(sortedKeys, prefix);
        if (i >= 0) {
            return true;
        }
        int next = -i - 1;
        return next < sortedKeys.length && sortedKeys[next].startsWith(prefix);
    }

    /** The same names with a model of which of their matches are entities. */
    public Vocabulary withMentionModel(MentionModel model) {
        return new Vocabulary(this, model);
    }

    /** The same names, every match kept: what the mention model learns from. */
    public Vocabulary withoutMentionModel() {
        return mentions == null ? this : new Vocabulary(this, null);
    }

    /** The learnt model of which matches are entities, or null where the vocabulary has none (every match is kept). */
    public MentionModel mentionModel() {
        return mentions;
    }

    public GeneTerms genes(String key) {
        return genes.get(key);
    }

    public Term disease(String key) {
        return diseases.get(key);
    }

    /** The gene with this Entrez ID, if the vocabulary names it. */
    public Concept gene(String entrezId) {
        return genesById.get(entrezId);
    }

    public int geneTerms() {
        return (int) genes.values().stream().flatMap(GeneTerms::present).count();
    }

    public int diseaseTerms() {
        return diseases.size();
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    public static Vocabulary read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Entity vocabulary " + file + " does not exist; the model-assets build copies it into every models folder "
                    + "(mvn -pl model-assets -am package)");
        }
        Map<String, GeneTerms> genes = new HashMap<>();
        Map<String, Term> diseases = new HashMap<>();
        // Many names share a concept: one instance each keeps a few hundred thousand names in little memory.
        Map<String, Concept> concepts = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String[] c = line.split("\t", -1);
                if (c.length != COLUMNS.length) {
                    throw new IOException(file + ":" + n + ": expected " + COLUMNS.length + " columns (" + String.join(", ", COLUMNS)
                            + "), got " + c.length);
                }
                Concept.EntityType type = Concept.EntityType.valueOf(c[0]);
                Concept concept = concepts.computeIfAbsent(c[0] + "\t" + c[3] + "\t" + c[5], k -> new Concept(type, c[3], blank(c[4]),
                        blank(c[5]), blank(c[6]), blank(c[7]), blank(c[8]), blank(c[9])));
                Term term = new Term(c[2], concept, c[10].intern());
                if (type == Concept.EntityType.GENE) {
                    genes.computeIfAbsent(c[1], k -> new GeneTerms(new Term[Species.values().length])).bySpecies()[concept.species().ordinal()] = term;
                } else {
                    diseases.put(c[1], term);
                }
            }
        }
        Vocabulary v = new Vocabulary(genes, diseases);
        return MentionModel.existsIn(folder) ? v.withMentionModel(MentionModel.read(folder)) : v;
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (mentions != null) {
            mentions.write(folder);
        }
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(folder.resolve(FILE))), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, GeneTerms> e : new TreeMap<>(genes).entrySet()) {
                for (Term t : e.getValue().bySpecies()) {
                    if (t != null) {
                        writeTerm(w, e.getKey(), t);
                    }
                }
            }
            for (Map.Entry<String, Term> e : new TreeMap<>(diseases).entrySet()) {
                writeTerm(w, e.getKey(), e.getValue());
            }
        }
    }

    private static void writeTerm(BufferedWriter w, String key, Term t) throws IOException {
        Concept c = t.concept();
        w.write(String.join("\t", c.type().name(), key, clean(t.form()), c.id(), clean(c.name()), clean(c.taxon()), clean(c.hgncId()),
                clean(c.meshId()), clean(c.orthologId()), clean(c.orthologSymbol()), t.source()));
        w.newLine();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
