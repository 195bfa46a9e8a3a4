package org.geneassoc.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores what the job found in a gold standard's articles: genes and diseases by ID per abstract, and
 * (pmid, Entrez ID, disease ID) pairs at each association threshold, beside the pairs that share a
 * sentence (co-occurrence). The job is run once with its thresholds at 0; each threshold then only
 * filters its associations.
 */
public final class PairEvaluation {
    /** The association thresholds reported. */
    public static final List<Double> THRESHOLDS = List.of(0.3, 0.5, 0.6, 0.7, 0.8, 0.9);

    /** One association the job wrote, and whether a sentence names both. */
    public record Predicted(String pmid, String geneId, String diseaseId, float score, boolean coMentioned) {
    }

    private final Map<String, Set<String>> goldGenes;
    private final Map<String, Set<String>> goldDiseases;
    private final Map<String, Set<String>> goldPairs;

    /** The gold standard restricted to the articles the input holds. */
    public PairEvaluation(GoldStandard gold, Set<String> pmids) {
        this.goldGenes = restrict(gold.genes(), pmids);
        this.goldDiseases = restrict(gold.diseases(), pmids);
        this.goldPairs = restrict(gold.pairs(), pmids);
    }

    public int goldPairCount() {
        return goldPairs.values().stream().mapToInt(Set::size).sum();
    }

    public int goldArticles() {
        return goldPairs.size();
    }

    /**
     * The report, one line per figure, the last {@code PAIR_F1=}.
     *
     * @param genes     Entrez IDs recognised per pmid
     * @param diseases  disease IDs recognised per pmid
     * @param speciesOf the species an Entrez ID belongs to (human, mouse, rat or other), for the genes by species
     */
    public List<String> report(Map<String, Set<String>> genes, Map<String, Set<String>> diseases, List<Predicted> predicted,
                               double associationThreshold, java.util.function.Function<String, String> speciesOf) {
        List<String> out = new ArrayList<>(EntityEvaluation.geneLines(genes, goldGenes, speciesOf));
        out.addAll(EntityEvaluation.diseaseLines(diseases, goldDiseases));
        SetScores everyPair = SetScores.of(GoldStandard.everyPair(genes, diseases), goldPairs);
        out.add(everyPair.line("pairs: every gene x disease of an abstract"));
        out.add(everyPair.bestSubset().line("pairs: best any scoring of these entities can do"));
        SetScores cooccurrence = SetScores.of(kept(predicted, Predicted::coMentioned), goldPairs);
        out.add(cooccurrence.line("pairs: every co-occurring pair"));
        for (double t : THRESHOLDS) {
            SetScores s = pairs(predicted, t);
            out.add(s.line(String.format(Locale.ROOT, "pairs: association score >= %.1f", t))
                    + (s.precision() >= cooccurrence.precision() ? "" : "  precision below co-occurrence"));
        }
        Map<String, SetScores> chosenPerDocument = perDocument(predicted, associationThreshold);
        SetScores chosen = SetScores.sum(chosenPerDocument);
        out.add(chosen.line(String.format(Locale.ROOT, "pairs: association score >= %.2f", associationThreshold)));
        out.add(F1Interval.of(chosenPerDocument).line());
        out.add(String.format(Locale.ROOT, "PAIR_F1=%.4f", chosen.f1()));
        return out;
    }

    /** Pair scores of the associations whose score passes the threshold. */
    public SetScores pairs(List<Predicted> predicted, double threshold) {
        return SetScores.sum(perDocument(predicted, threshold));
    }

    private Map<String, SetScores> perDocument(List<Predicted> predicted, double threshold) {
        return SetScores.perDocument(kept(predicted, p -> p.score() >= threshold), goldPairs);
    }

    private static Map<String, Set<String>> kept(List<Predicted> predicted, java.util.function.Predicate<Predicted> keep) {
        Map<String, Set<String>> kept = new HashMap<>();
        for (Predicted p : predicted) {
            if (keep.test(p)) {
                kept.computeIfAbsent(p.pmid(), k -> new TreeSet<>()).add(GoldStandard.pair(p.geneId(), p.diseaseId()));
            }
        }
        return kept;
    }

    private static Map<String, Set<String>> restrict(Map<String, Set<String>> gold, Set<String> pmids) {
        Map<String, Set<String>> out = new HashMap<>();
        gold.forEach((k, v) -> {
            if (pmids.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
