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
 * (pmid, Entrez ID, disease ID) pairs at each threshold. The job is run once with both thresholds at 0;
 * each threshold setting then only filters its associations.
 */
public final class PairEvaluation {
    /** The pair thresholds reported without the abstract screen. */
    public static final List<Double> THRESHOLDS = List.of(0.3, 0.5, 0.6, 0.7, 0.8, 0.9);

    /** One association the job wrote, with its document's screen score. */
    public record Predicted(String pmid, float abstractScore, String geneId, String diseaseId, float score) {
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
                               double abstractThreshold, double pairThreshold, java.util.function.Function<String, String> speciesOf) {
        List<String> out = new ArrayList<>(EntityEvaluation.geneLines(genes, goldGenes, speciesOf));
        out.add(SetScores.of(diseases, goldDiseases).line("diseases (MeSH/OMIM ID per abstract)"));
        SetScores everyPair = SetScores.of(GoldStandard.everyPair(genes, diseases), goldPairs);
        out.add(everyPair.line("pairs: every gene x disease of an abstract"));
        out.add(everyPair.bestSubset().line("pairs: best any scoring of these entities can do"));
        out.add(pairs(predicted, 0, 0).line("pairs: every co-occurring pair"));
        for (double t : THRESHOLDS) {
            out.add(pairs(predicted, 0, t).line(String.format(Locale.ROOT, "pairs: no screen, score >= %.1f", t)));
        }
        SetScores chosen = pairs(predicted, abstractThreshold, pairThreshold);
        out.add(chosen.line(String.format(Locale.ROOT, "pairs: screen >= %.2f, score >= %.2f", abstractThreshold, pairThreshold)));
        out.add(String.format(Locale.ROOT, "PAIR_F1=%.4f", chosen.f1()));
        return out;
    }

    /** Pair scores of the associations whose document passes the screen and whose score passes the threshold. */
    public SetScores pairs(List<Predicted> predicted, double abstractThreshold, double pairThreshold) {
        Map<String, Set<String>> kept = new HashMap<>();
        for (Predicted p : predicted) {
            if (p.abstractScore() >= abstractThreshold && p.score() >= pairThreshold) {
                kept.computeIfAbsent(p.pmid(), k -> new TreeSet<>()).add(GoldStandard.pair(p.geneId(), p.diseaseId()));
            }
        }
        return SetScores.of(kept, goldPairs);
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
