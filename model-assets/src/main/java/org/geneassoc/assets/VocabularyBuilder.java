package org.geneassoc.assets;

import org.geneassoc.ner.Vocabulary;
import org.geneassoc.ner.TermKey;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Mention;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.geneassoc.evaluation.PubTator;

/**
 * Build step: gene and disease dictionaries from real sources in {@code ../shared/data}: the HGNC table
 * (approved symbols and aliases with HGNC and Entrez IDs), MeSH disease descriptors, Disease Ontology
 * names, and the mention → ID pairs annotated in BioRED Train. Names that BioRED Train shows to be
 * mostly something else (short symbols that are words or units, generic disease words) are dropped:
 * a name found at least {@value #MIN_SEEN} times in Train with precision under {@value #MIN_PRECISION} goes.
 */
public final class VocabularyBuilder {
    /** The build report written beside the terms. */
    public static final String REPORT = "vocabulary.json";
    static final int MIN_SEEN = 3;
    static final double MIN_PRECISION = 0.25;

    private final Map<String, Vocabulary.Term> genes = new HashMap<>();
    private final Map<String, Vocabulary.Term> diseases = new HashMap<>();
    private final Map<String, String[]> hgncByEntrez = new HashMap<>();
    private final Map<String, String> meshNames = new HashMap<>();
    private final Map<String, Object> report = new LinkedHashMap<>();

    /**
     * Compiles the vocabulary from the reference data folder into {@code out} (terms.tsv.gz and a
     * vocabulary.json report); {@code bin/geneassoc vocabulary} runs it. Returns the report.
     */
    public static Map<String, Object> compile(Path data, Path out) throws IOException {
        for (String source : List.of("vocab/hgnc.tsv", "vocab/mesh-diseases.belanno", "vocab/disease-ontology.belns",
                "biored/Train.PubTator")) {
            if (!Files.isRegularFile(data.resolve(source))) {
                throw new IOException("Vocabulary source " + data.resolve(source) + " does not exist");
            }
        }
        VocabularyBuilder b = new VocabularyBuilder();
        Vocabulary v = b.build(data);
        v.write(out);
        b.report.put("geneTerms", v.geneTerms());
        b.report.put("diseaseTerms", v.diseaseTerms());
        Files.writeString(out.resolve(REPORT),
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(b.report) + "\n");
        return b.report;
    }

    Vocabulary build(Path data) throws IOException {
        readHgnc(data.resolve("vocab/hgnc.tsv"));
        readMesh(data.resolve("vocab/mesh-diseases.belanno"));
        readDiseaseOntology(data.resolve("vocab/disease-ontology.belns"));
        List<PubTator.Document> train = PubTator.read(data.resolve("biored/Train.PubTator"));
        addBioredMentions(train);
        dropFalseFriends(train);
        report.put("sources", List.of("vocab/hgnc.tsv", "vocab/mesh-diseases.belanno", "vocab/disease-ontology.belns",
                "biored/Train.PubTator (mention → ID pairs, false-friend filter)"));
        return new Vocabulary(genes, diseases);
    }

    private void readHgnc(Path file) throws IOException {
        Map<String, String[]> symbols = new LinkedHashMap<>();
        Map<String, Set<String>> aliasOwners = new HashMap<>();
        Map<String, String> aliasForm = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length < 6 || c[1].isBlank() || c[3].isBlank()) {
                continue;
            }
            String entrez = c[1].strip();
            symbols.putIfAbsent(entrez, new String[] {c[3].strip(), c[2].strip()});
            for (String alias : new String[] {c[4], c[5]}) {
                String a = alias.strip();
                if (usableAlias(a)) {
                    aliasOwners.computeIfAbsent(TermKey.gene(a), k -> new HashSet<>()).add(entrez);
                    aliasForm.putIfAbsent(TermKey.gene(a), a);
                }
            }
        }
        hgncByEntrez.putAll(symbols);
        for (Map.Entry<String, String[]> e : symbols.entrySet()) {
            String symbol = e.getValue()[0];
            if (TermKey.shape(symbol).length() >= 2) {
                genes.put(TermKey.gene(symbol), new Vocabulary.Term(symbol, gene(e.getKey()), "HGNC symbol"));
            }
        }
        int ambiguous = 0;
        for (Map.Entry<String, Set<String>> e : aliasOwners.entrySet()) {
            if (genes.containsKey(e.getKey())) {
                continue;
            }
            if (e.getValue().size() > 1) {
                ambiguous++;
                continue;
            }
            genes.put(e.getKey(), new Vocabulary.Term(aliasForm.get(e.getKey()), gene(e.getValue().iterator().next()), "HGNC alias"));
        }
        report.put("hgncGenes", symbols.size());
        report.put("hgncAliasesSharedByGenesSkipped", ambiguous);
    }

    /** Aliases of one letter, or two letters without a digit, name too many things to be useful. */
    private static boolean usableAlias(String a) {
        String s = TermKey.shape(a);
        return s.length() >= 3 || (s.length() == 2 && s.chars().anyMatch(Character::isDigit));
    }

    private Concept gene(String entrez) {
        String[] h = hgncByEntrez.get(entrez);
        return h == null ? new Concept(Concept.EntityType.GENE, entrez, null, null, null)
                : new Concept(Concept.EntityType.GENE, entrez, h[0], h[1], null);
    }

    private static List<String> values(Path belFile) throws IOException {
        List<String> lines = Files.readAllLines(belFile, StandardCharsets.ISO_8859_1);
        int start = lines.indexOf("[Values]");
        if (start < 0) {
            throw new IOException(belFile + " has no [Values] section");
        }
        return lines.subList(start + 1, lines.size()).stream().filter(l -> l.contains("|")).toList();
    }

    private void readMesh(Path file) throws IOException {
        for (String line : values(file)) {
            String name = line.substring(0, line.lastIndexOf('|')).strip();
            String id = line.substring(line.lastIndexOf('|') + 1).strip();
            meshNames.put(id, name);
            Concept c = new Concept(Concept.EntityType.DISEASE, id, name, null, id);
            addDisease(name, c, "MeSH");
            // MeSH inverts many headings ("Carcinoma, Hepatocellular"); text says "hepatocellular carcinoma".
            int comma = name.indexOf(", ");
            if (comma > 0 && name.indexOf(", ", comma + 1) < 0) {
                addDisease(name.substring(comma + 2) + " " + name.substring(0, comma), c, "MeSH");
            }
        }
        report.put("meshDescriptors", meshNames.size());
    }

    private void readDiseaseOntology(Path file) throws IOException {
        int added = 0;
        for (String line : values(file)) {
            String name = line.substring(0, line.lastIndexOf('|')).strip();
            if (!diseases.containsKey(TermKey.disease(name))) {
                addDisease(name, new Concept(Concept.EntityType.DISEASE, "DO:" + name, name, null, null), "Disease Ontology");
                added++;
            }
        }
        report.put("diseaseOntologyNamesWithoutMesh", added);
    }

    private void addDisease(String name, Concept c, String source) {
        if (TermKey.shape(name).length() >= 3) {
            diseases.putIfAbsent(TermKey.disease(name), new Vocabulary.Term(name, c, source));
        }
    }

    /**
     * Each annotated mention text names the ID it was annotated with most often. For genes that adds names
     * HGNC lacks but never replaces an HGNC symbol or alias: BioRED also annotates rodent genes, and "TNF-alpha"
     * is human TNF for a tool about human disease. For diseases the annotation wins over the tables.
     */
    private void addBioredMentions(List<PubTator.Document> train) {
        Map<String, Map<String, Integer>> geneVotes = new HashMap<>();
        Map<String, Map<String, Integer>> diseaseVotes = new HashMap<>();
        Map<String, String> forms = new HashMap<>();
        for (PubTator.Document d : train) {
            for (PubTator.Mention m : d.mentions()) {
                if (m.ids().size() != 1 || (!m.isGene() && !m.isDisease())) {
                    continue;
                }
                String key = m.isGene() ? "G" + TermKey.gene(m.text()) : "D" + TermKey.disease(m.text());
                (m.isGene() ? geneVotes : diseaseVotes).computeIfAbsent(key.substring(1), k -> new TreeMap<>())
                        .merge(m.ids().get(0), 1, Integer::sum);
                forms.putIfAbsent(key, m.text());
            }
        }
        int g = 0, dz = 0;
        for (Map.Entry<String, Map<String, Integer>> e : geneVotes.entrySet()) {
            if (TermKey.shape(forms.get("G" + e.getKey())).length() < 2) {
                continue;
            }
            if (genes.containsKey(e.getKey())) {
                continue;
            }
            String id = top(e.getValue());
            String form = forms.get("G" + e.getKey());
            // Genes of other species (BioRED annotates mouse and rat genes too) have no HGNC entry: the name is the mention.
            Concept c = hgncByEntrez.containsKey(id) ? gene(id) : new Concept(Concept.EntityType.GENE, id, form, null, null);
            genes.put(e.getKey(), new Vocabulary.Term(form, c, "BioRED Train"));
            g++;
        }
        for (Map.Entry<String, Map<String, Integer>> e : diseaseVotes.entrySet()) {
            String form = forms.get("D" + e.getKey());
            if (TermKey.shape(form).length() < 2) {
                continue;
            }
            String id = top(e.getValue());
            String mesh = id.matches("[CD]\\d+") ? id : null;
            String name = meshNames.getOrDefault(id, form);
            diseases.put(e.getKey(), new Vocabulary.Term(form, new Concept(Concept.EntityType.DISEASE, id, name, null, mesh), "BioRED Train"));
            dz++;
        }
        report.put("bioredGeneNames", g);
        report.put("bioredDiseaseNames", dz);
    }

    private static String top(Map<String, Integer> votes) {
        return votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /** Matches every Train text and drops the names that mostly hit words BioRED did not annotate as that type. */
    private void dropFalseFriends(List<PubTator.Document> train) {
        Vocabulary v = new Vocabulary(genes, diseases);
        EntityMatcher matcher = new EntityMatcher(v);
        Map<String, int[]> seen = new HashMap<>();
        for (PubTator.Document d : train) {
            String text = d.title() + " " + d.abstractText();
            for (Mention m : matcher.find(text)) {
                boolean gene = m.concept().type() == Concept.EntityType.GENE;
                String bare = gene ? TermKey.gene(m.text()) : TermKey.disease(m.text());
                if (!(gene ? genes : diseases).containsKey(bare)) {
                    continue;
                }
                String key = (gene ? "G" : "D") + bare;
                boolean right = d.mentions().stream().anyMatch(g -> (gene ? g.isGene() : g.isDisease())
                        && g.start() < m.end() && m.start() < g.end());
                int[] c = seen.computeIfAbsent(key, k -> new int[2]);
                c[0]++;
                if (right) {
                    c[1]++;
                }
            }
        }
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, int[]> e : seen.entrySet()) {
            int[] c = e.getValue();
            if (c[0] >= MIN_SEEN && (double) c[1] / c[0] < MIN_PRECISION) {
                String key = e.getKey().substring(1);
                Vocabulary.Term t = (e.getKey().charAt(0) == 'G' ? genes : diseases).remove(key);
                dropped.add(t.form() + " (" + c[1] + "/" + c[0] + ")");
            }
        }
        java.util.Collections.sort(dropped);
        report.put("falseFriendsDropped", dropped);
    }
}
