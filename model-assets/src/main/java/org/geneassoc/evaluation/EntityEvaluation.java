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
 * spurious ID, whether the text there is no gold entity at all or one with another ID. Disease IDs are
 * compared as {@link DiseaseIds} reads them, gold and found alike.
 */
public final class EntityEvaluation {
    /** The species genes are scored by, in report order. */
    private static final List<String> SPECIES = List.of("human", "mouse", "rat", "other");

    /**
     * The gene line of a report, the line of the three species the vocabulary names together (what a
     * multi-species corpus can be asked of it) with its {@link F1Interval}, and one line per species, each
     * scored on its own.
     */
    public static List<String> geneLines(Map<String, Set<String>> genes, Map<String, Set<String>> gold, Function<String, String> speciesOf) {
        List<String> out = new ArrayList<>();
        out.add(SetScores.of(genes, gold).line("genes (Entrez ID per abstract)"));
        Map<String, SetScores> named = namedSpecies(genes, gold, speciesOf);
        out.add(SetScores.sum(named).line("  genes, human+mouse+rat"));
        out.add(F1Interval.of(named).line());
        for (String s : SPECIES) {
            Predicate<String> of = id -> speciesOf.apply(id).equals(s);
            out.add(SetScores.of(SetScores.restrict(genes, of), SetScores.restrict(gold, of)).line("  genes, " + s));
        }
        return out;
    }

    /** The disease line of a report and its {@link F1Interval}. */
    public static List<String> diseaseLines(Map<String, Set<String>> diseases, Map<String, Set<String>> gold) {
        Map<String, SetScores> perDocument = SetScores.perDocument(diseases, gold);
        return List.of(SetScores.sum(perDocument).line("diseases (MeSH/OMIM ID per abstract)"), F1Interval.of(perDocument).line());
    }

    /** Genes of the three species the vocabulary names (human, mouse, rat) alone, IDs per abstract, by abstract. */
    private static Map<String, SetScores> namedSpecies(Map<String, Set<String>> genes, Map<String, Set<String>> gold, Function<String, String> speciesOf) {
        Predicate<String> named = id -> !speciesOf.apply(id).equals("other");
        return SetScores.perDocument(SetScores.restrict(genes, named), SetScores.restrict(gold, named));
    }

    /** The species a gene ID belongs to as the report names it; IDs of none of the three are "other". */
    public static String speciesName(Vocabulary vocabulary, String entrezId) {
        Concept c = vocabulary.gene(entrezId);
        return c == null ? "other" : c.species().name().toLowerCase(Locale.ROOT);
    }

    private final boolean scoreGenes;
    private final boolean scoreDiseases;
    private final DiseaseIds diseaseIds;
    private Vocabulary vocabulary;
    private EntityMatcher matcher;
    private final Map<String, Set<String>> goldGenes = new HashMap<>();
    private final Map<String, Set<String>> goldDiseases = new HashMap<>();
    private final Map<String, Set<String>> genes = new HashMap<>();
    private final Map<String, Set<String>> diseases = new HashMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final Map<String, Integer> examples = new HashMap<>();
    /**
     * Each gene ID's species, from the vocabulary its abstract was scored with: cross-validation scores each
     * fold with another vocabulary, and the last fold's may lack a gene an earlier fold's names.
     */
    private final Map<String, String> speciesById = new HashMap<>();

    /** Scores the genes and the diseases, as far as the gold annotates any of each. */
    public EntityEvaluation(Vocabulary vocabulary, List<PubTator.Document> gold, DiseaseIds diseaseIds) {
        this(gold.stream().anyMatch(d -> d.mentions().stream().anyMatch(PubTator.Mention::isGene)),
                gold.stream().anyMatch(d -> d.mentions().stream().anyMatch(PubTator.Mention::isDisease)), diseaseIds);
        add(vocabulary, gold);
    }

    /**
     * An evaluation to {@link #add} abstracts to: of a corpus that annotates genes, diseases or both (a
     * corpus that annotates no genes would count every gene found as spurious).
     */
    public EntityEvaluation(boolean genes, boolean diseases, DiseaseIds diseaseIds) {
        this.scoreGenes = genes;
        this.scoreDiseases = diseases;
        this.diseaseIds = diseaseIds;
    }

    /** Scores these abstracts with this vocabulary: cross-validation adds each fold with the vocabulary learnt without it. */
    public EntityEvaluation add(Vocabulary vocabulary, List<PubTator.Document> gold) {
        this.vocabulary = vocabulary;
        this.matcher = new EntityMatcher(vocabulary);
        for (PubTator.Document d : gold) {
            score(d);
        }
        return this;
    }

    /**
     * Searches the title and the abstract as the job does (each with the other as species context) and
     * scores the mentions of both; offsets are into "title abstract", as PubTator's.
     */
    private void score(PubTator.Document d) {
        String title = d.title() == null ? "" : d.title();
        String text = d.abstractText() == null ? "" : d.abstractText();
        int offset = title.length() + 1;
        List<PubTator.Mention> gold = d.mentions().stream().filter(m -> m.isGene() || m.isDisease())
                .map(m -> m.isGene() ? m : new PubTator.Mention(m.start(), m.end(), m.text(), m.type(), m.kind(), m.ids().stream().map(diseaseIds).toList()))
                .toList();
        List<Mention> found = new ArrayList<>();
        for (Mention m : matcher.find(title, text)) {
            found.add(asScored(m, 0));
        }
        for (Mention m : matcher.find(text, title)) {
            found.add(asScored(m, offset));
        }
        for (boolean gene : new boolean[] {true, false}) {
            if (!(gene ? scoreGenes : scoreDiseases)) {
                continue;
            }
            Set<String> g = new TreeSet<>();
            gold.stream().filter(m -> m.isGene() == gene).forEach(m -> g.addAll(m.ids()));
            Set<String> p = new TreeSet<>();
            found.stream().filter(m -> isGene(m) == gene).forEach(m -> p.add(m.concept().id()));
            if (gene) {
                g.forEach(this::noteSpecies);
                p.forEach(this::noteSpecies);
            }
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

    /** Keeps a named species over "other": a vocabulary that lacks the gene says nothing of its species. */
    private void noteSpecies(String id) {
        speciesById.merge(id, speciesName(vocabulary, id), (was, now) -> was.equals("other") ? now : was);
    }

    private String speciesOf(String id) {
        return speciesById.getOrDefault(id, "other");
    }

    /** A mention found, at its offset into "title abstract" and with a disease's ID as {@link #diseaseIds} reads it. */
    private Mention asScored(Mention m, int offset) {
        Concept c = m.concept();
        String id = c.type() == Concept.EntityType.DISEASE ? diseaseIds.apply(c.id()) : c.id();
        return new Mention(m.start() + offset, m.end() + offset, m.text(), id.equals(c.id()) ? c : Concept.disease(id, c.name()));
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
        List<String> out = new ArrayList<>(scoreGenes ? geneLines(genes, goldGenes, this::speciesOf)
                : List.of("genes: not annotated in this corpus, not scored"));
        out.addAll(scoreDiseases ? diseaseLines(diseases, goldDiseases) : List.of("diseases: not annotated in this corpus, not scored"));
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

    /** Genes of every species, IDs per abstract; null where genes are not scored. */
    public SetScores geneScores() {
        return scoreGenes ? SetScores.of(genes, goldGenes) : null;
    }

    /**
     * Genes of the three species the vocabulary names (human, mouse, rat), IDs per abstract, by abstract: the
     * counts a corpus figure sums and its {@link F1Interval} resamples; null where genes are not scored.
     */
    public Map<String, SetScores> namedSpeciesGenesByAbstract() {
        return scoreGenes ? namedSpecies(genes, goldGenes, this::speciesOf) : null;
    }

    /** {@link #namedSpeciesGenesByAbstract} summed; null where genes are not scored. */
    public SetScores namedSpeciesGeneScores() {
        return scoreGenes ? SetScores.sum(namedSpeciesGenesByAbstract()) : null;
    }

    /** Diseases, IDs per abstract, by abstract; null where diseases are not scored. */
    public Map<String, SetScores> diseasesByAbstract() {
        return scoreDiseases ? SetScores.perDocument(diseases, goldDiseases) : null;
    }

    /** {@link #diseasesByAbstract} summed; null where diseases are not scored. */
    public SetScores diseaseScores() {
        return scoreDiseases ? SetScores.sum(diseasesByAbstract()) : null;
    }

    public Map<String, Set<String>> genes() {
        return genes;
    }

    public Map<String, Set<String>> diseases() {
        return diseases;
    }
}
