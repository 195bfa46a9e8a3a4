package org.geneassoc.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Mention;
import org.geneassoc.ner.Species;
import org.geneassoc.ner.TermKey;
import org.geneassoc.ner.Vocabulary;

/**
 * Entity recognition against PubTator gold, as {@code evaluate-pairs} scores it (IDs per abstract), with
 * genes also by species and every error put in a class: for a missed ID, whether its name is unknown,
 * known but not matched, or matched to another ID (another species' gene, or another concept); for a
 * spurious ID, whether the text there is no gold entity at all or one with another ID.
 */
public final class EntityEvaluation {
    /** The species genes are scored by, in report order. */
    private static final List<String> SPECIES = List.of("human", "mouse", "rat", "other");

    /** The gene line of a report and one line per species: IDs per abstract, each species scored on its own. */
    public static List<String> geneLines(Map<String, Set<String>> genes, Map<String, Set<String>> gold, Function<String, String> speciesOf) {
        List<String> out = new ArrayList<>();
        out.add(SetScores.of(genes, gold).line("genes (Entrez ID per abstract)"));
        for (String s : SPECIES) {
            Predicate<String> of = id -> speciesOf.apply(id).equals(s);
            out.add(SetScores.of(SetScores.restrict(genes, of), SetScores.restrict(gold, of)).line("  genes, " + s));
        }
        return out;
    }

    /** The species a gene ID belongs to as the report names it; IDs of none of the three are "other". */
    public static String speciesName(Vocabulary vocabulary, String entrezId) {
        Concept c = vocabulary.gene(entrezId);
        return c == null ? "other" : c.species().name().toLowerCase(Locale.ROOT);
    }

    private final Vocabulary vocabulary;
    private final EntityMatcher matcher;
    private final Map<String, Set<String>> goldGenes = new HashMap<>();
    private final Map<String, Set<String>> goldDiseases = new HashMap<>();
    private final Map<String, Set<String>> genes = new HashMap<>();
    private final Map<String, Set<String>> diseases = new HashMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final Map<String, Integer> examples = new HashMap<>();

    public EntityEvaluation(Vocabulary vocabulary, List<PubTator.Document> gold) {
        this.vocabulary = vocabulary;
        this.matcher = new EntityMatcher(vocabulary);
        for (PubTator.Document d : gold) {
            score(d);
        }
    }

    private void score(PubTator.Document d) {
        String text = d.abstractText();
        int offset = d.title() == null ? 0 : d.title().length() + 1;
        List<PubTator.Mention> gold = new ArrayList<>();
        for (PubTator.Mention m : d.mentions()) {
            if (m.start() >= offset && (m.isGene() || m.isDisease())) {
                gold.add(new PubTator.Mention(m.start() - offset, m.end() - offset, m.text(), m.type(), m.ids()));
            }
        }
        List<Mention> found = matcher.find(text, d.title());
        for (boolean gene : new boolean[] {true, false}) {
            Set<String> g = new TreeSet<>();
            gold.stream().filter(m -> m.isGene() == gene).forEach(m -> g.addAll(m.ids()));
            g.remove("-");
            Set<String> p = new TreeSet<>();
            found.stream().filter(m -> isGene(m) == gene).forEach(m -> p.add(m.concept().id()));
            (gene ? goldGenes : goldDiseases).put(d.pmid(), g);
            (gene ? genes : diseases).put(d.pmid(), p);
            String type = gene ? "gene" : "disease";
            for (String id : g) {
                if (!p.contains(id)) {
                    missed(type, id, gold, found, gene);
                }
            }
            for (String id : p) {
                if (!g.contains(id)) {
                    spurious(type, id, gold, found, gene);
                }
            }
        }
    }

    private static boolean isGene(Mention m) {
        return m.concept().type() == Concept.EntityType.GENE;
    }

    private void missed(String type, String id, List<PubTator.Mention> gold, List<Mention> found, boolean gene) {
        List<PubTator.Mention> its = gold.stream().filter(m -> m.isGene() == gene && m.ids().contains(id)).toList();
        String cause = "name not in the vocabulary";
        String example = its.get(0).text();
        for (PubTator.Mention m : its) {
            Mention hit = found.stream().filter(f -> isGene(f) == gene && f.start() < m.end() && m.start() < f.end()).findFirst().orElse(null);
            if (hit != null) {
                cause = "found as another ID (" + otherKind(id, hit.concept(), gene) + ")";
                example = m.text() + " -> " + hit.concept().id();
                break;
            }
            boolean known = gene ? vocabulary.genes(TermKey.gene(m.text())) != null : vocabulary.disease(TermKey.disease(m.text())) != null;
            if (known) {
                cause = "name known, not matched there";
                example = m.text();
            }
        }
        count(type + " missed: " + cause, example);
    }

    private void spurious(String type, String id, List<PubTator.Mention> gold, List<Mention> found, boolean gene) {
        String cause = "no gold " + type + " there";
        String example = null;
        for (Mention f : found) {
            if (isGene(f) != gene || !f.concept().id().equals(id)) {
                continue;
            }
            example = example == null ? f.text() : example;
            PubTator.Mention g = gold.stream().filter(m -> m.isGene() == gene && f.start() < m.end() && m.start() < f.end()).findFirst().orElse(null);
            if (g != null && !g.ids().isEmpty()) {
                cause = "another ID in gold (" + otherKind(g.ids().get(0), f.concept(), gene) + ")";
                example = f.text() + " -> " + id + ", gold " + String.join(",", g.ids());
                break;
            }
        }
        count(type + " spurious: " + cause, example);
    }

    /** For genes: whether the two IDs are the same gene in two species (orthologs) or two genes. */
    private String otherKind(String goldId, Concept found, boolean gene) {
        if (!gene) {
            return "another concept";
        }
        Concept g = vocabulary.gene(goldId);
        boolean orthologs = g != null && (goldId.equals(found.orthologId()) || found.id().equals(g.orthologId())
                || (g.orthologId() != null && g.orthologId().equals(found.orthologId())));
        return orthologs ? "the ortholog in another species" : "another gene";
    }

    private void count(String error, String example) {
        errors.merge(error, 1, Integer::sum);
        examples.merge(error + "\t" + example, 1, Integer::sum);
    }

    /** Genes (overall and by species) and diseases: P/R/F1 of IDs per abstract, then error classes with counts. */
    public List<String> report(int examplesPerClass) {
        List<String> out = new ArrayList<>(geneLines(genes, goldGenes, id -> speciesName(vocabulary, id)));
        out.add(SetScores.of(diseases, goldDiseases).line("diseases (MeSH/OMIM ID per abstract)"));
        out.add("errors (IDs per abstract, by cause):");
        errors.forEach((error, n) -> {
            out.add(String.format(Locale.ROOT, "  %5d  %s", n, error));
            examples.entrySet().stream().filter(e -> e.getKey().startsWith(error + "\t"))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(examplesPerClass)
                    .forEach(e -> out.add(String.format(Locale.ROOT, "         %3d x %s", e.getValue(), e.getKey().substring(error.length() + 1))));
        });
        return out;
    }

    public Map<String, Set<String>> genes() {
        return genes;
    }

    public Map<String, Set<String>> diseases() {
        return diseases;
    }
}
