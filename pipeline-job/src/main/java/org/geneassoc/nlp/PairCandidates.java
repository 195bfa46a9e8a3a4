package org.geneassoc.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geneassoc.classify.Markers;

/**
 * The (gene, disease) pairs named in one sentence, each with the sentence rewritten the way GAD masks its
 * entities ({@code @GENE$}, {@code @DISEASE$}) as the sentence head's premise. Of several mentions of the
 * same two concepts the closest pair stands for them.
 */
public final class PairCandidates {
    private PairCandidates() {
    }

    /** A candidate pair of one sentence and its premise. */
    public record Candidate(MentionRow gene, MentionRow disease, String premise) {
        int distance() {
            return Math.max(gene.start(), disease.start()) - Math.min(gene.end(), disease.end());
        }
    }

    /**
     * The pairs of one sentence starting at {@code sentenceStart} (mentions' offsets are into the whole
     * text): overlapping mentions never pair, each (gene ID, disease ID) keeps its closest mentions, closest
     * pairs first, at most {@code limit}.
     */
    public static List<Candidate> candidates(String sentence, int sentenceStart, List<MentionRow> mentions, int limit) {
        int sentenceEnd = sentenceStart + sentence.length();
        List<MentionRow> genes = new ArrayList<>();
        List<MentionRow> diseases = new ArrayList<>();
        for (MentionRow m : mentions) {
            if (m.within(sentenceStart, sentenceEnd)) {
                (m.isGene() ? genes : diseases).add(m);
            }
        }
        Map<String, Candidate> closest = new LinkedHashMap<>();
        for (MentionRow g : genes) {
            for (MentionRow d : diseases) {
                if (g.overlaps(d)) {
                    continue;
                }
                Candidate c = new Candidate(g, d, null);
                closest.merge(g.id() + "|" + d.id(), c, (a, b) -> b.distance() < a.distance() ? b : a);
            }
        }
        List<Candidate> pairs = new ArrayList<>(closest.values());
        pairs.sort(Comparator.comparingInt(Candidate::distance).thenComparing(p -> p.gene().id() + p.disease().id()));
        List<Candidate> out = new ArrayList<>();
        for (Candidate p : pairs.subList(0, Math.min(limit, pairs.size()))) {
            out.add(new Candidate(p.gene(), p.disease(), mark(sentence, sentenceStart, p.gene(), p.disease())));
        }
        return out;
    }

    /** The sentence with the gene and the disease replaced by their markers. */
    static String mark(String sentence, int sentenceStart, MentionRow gene, MentionRow disease) {
        boolean geneFirst = gene.start() < disease.start();
        MentionRow first = geneFirst ? gene : disease;
        MentionRow second = geneFirst ? disease : gene;
        int f0 = first.start() - sentenceStart, f1 = first.end() - sentenceStart;
        int s0 = second.start() - sentenceStart, s1 = second.end() - sentenceStart;
        return sentence.substring(0, f0) + (geneFirst ? Markers.GENE : Markers.DISEASE) + sentence.substring(f1, s0)
                + (geneFirst ? Markers.DISEASE : Markers.GENE) + sentence.substring(s1);
    }
}
