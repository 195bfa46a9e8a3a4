package org.geneassoc.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.geneassoc.classify.PairFeature;

/**
 * Every (gene, disease) pair of one article, whether or not a sentence names both, with what the relation
 * model reads of it ({@link PairFeature}s) and its evidence. The sentences that name both are scored by the
 * sentence head first ({@link #premises()}); every other feature comes from the mentions, so a pair that
 * shares no sentence costs no encoder work.
 */
public final class ArticlePairs {
    private static final Pattern UP = Pattern.compile(
            "\\b(increas\\w*|elevat\\w*|higher|overexpress\\w*|over-express\\w*|up-?regulat\\w*|enhanc\\w*|activat\\w*|induc\\w*|gain)\\b");
    private static final Pattern DOWN = Pattern.compile("\\b(decreas\\w*|reduc\\w*|lower|loss|lost|deficien\\w*|down-?regulat\\w*"
            + "|inhibit\\w*|suppress\\w*|protect\\w*|attenuat\\w*|knock-?out\\w*|knock-?down\\w*|silenc\\w*)\\b");
    private static final Pattern VARIANT = Pattern.compile(
            "\\b(mutat\\w*|mutant\\w*|variant\\w*|polymorphi\\w*|allel\\w*|genotyp\\w*|snps?|deletion\\w*|carrier\\w*|haplotyp\\w*)\\b");

    /** A sentence of the text: offsets into it, end exclusive. */
    public record Sentence(String text, int start, int end) {
    }

    /** A sentence that supports a pair: both named in it and scored ({@code score} set), or one of them named in it. */
    public record Evidence(Sentence sentence, Float score, MentionRow gene, MentionRow disease) {
    }

    /** A candidate pair: the first mention of each (in the text, else in the title), evidence in text order, features. */
    public record Pair(MentionRow gene, MentionRow disease, List<Evidence> evidence, double[] features) {
    }

    private record Scored(int sentence, PairCandidates.Candidate candidate) {
    }

    private final List<Sentence> sentences;
    private final List<MentionRow> mentions;
    private final List<MentionRow> titleMentions;
    private final List<Scored> scored = new ArrayList<>();

    /**
     * @param mentions      mentions of the text the sentences come from
     * @param titleMentions mentions of the title (their offsets are into the title)
     * @param limit         most pairs scored per sentence, closest first
     */
    public ArticlePairs(List<Sentence> sentences, List<MentionRow> mentions, List<MentionRow> titleMentions, int limit) {
        this.sentences = sentences;
        this.mentions = mentions;
        this.titleMentions = titleMentions;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            for (PairCandidates.Candidate c : PairCandidates.candidates(s.text(), s.start(), mentions, limit)) {
                scored.add(new Scored(i, c));
            }
        }
    }

    /** The sentences of a text from its Spark NLP sentence annotations (end inclusive there); none when either is null. */
    public static List<Sentence> sentences(String text, List<org.apache.spark.sql.Row> annotations) {
        List<Sentence> out = new ArrayList<>();
        if (text == null || annotations == null) {
            return out;
        }
        for (org.apache.spark.sql.Row a : annotations) {
            int begin = a.<Integer>getAs("begin");
            int end = a.<Integer>getAs("end") + 1;
            out.add(new Sentence(text.substring(begin, end), begin, end));
        }
        return out;
    }

    /** The marked sentences the sentence head scores, in the order {@link #pairs(float[])} expects their scores. */
    public List<String> premises() {
        return scored.stream().map(s -> s.candidate().premise()).toList();
    }

    public int sentenceCount() {
        return sentences.size();
    }

    /** Every gene × disease of the article, genes and diseases in order of first mention (text, then title). */
    public List<Pair> pairs(float[] scores) {
        if (scores.length != scored.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + scored.size() + " premises");
        }
        Map<String, List<MentionRow>> genes = new LinkedHashMap<>();
        Map<String, List<MentionRow>> diseases = new LinkedHashMap<>();
        for (MentionRow m : mentions) {
            (m.isGene() ? genes : diseases).computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);
        }
        Map<String, Integer> titleCounts = new LinkedHashMap<>();
        for (MentionRow m : titleMentions) {
            (m.isGene() ? genes : diseases).computeIfAbsent(m.id(), k -> new ArrayList<>());
            titleCounts.merge(m.id(), 1, Integer::sum);
        }
        Map<String, Float> geneBest = new LinkedHashMap<>();
        Map<String, Float> diseaseBest = new LinkedHashMap<>();
        for (int k = 0; k < scored.size(); k++) {
            geneBest.merge(scored.get(k).candidate().gene().id(), scores[k], Math::max);
            diseaseBest.merge(scored.get(k).candidate().disease().id(), scores[k], Math::max);
        }
        Set<String> second = secondSpeciesOnly();
        Counts geneCounts = new Counts(genes, titleCounts, second);
        Counts diseaseCounts = new Counts(diseases, titleCounts, Set.of());
        List<Pair> out = new ArrayList<>();
        for (Map.Entry<String, List<MentionRow>> g : genes.entrySet()) {
            for (Map.Entry<String, List<MentionRow>> d : diseases.entrySet()) {
                out.add(pair(g.getKey(), g.getValue(), d.getKey(), d.getValue(), scores, geneCounts, diseaseCounts, titleCounts,
                        geneBest, diseaseBest, second.contains(g.getKey())));
            }
        }
        return out;
    }

    /**
     * The genes every mention of which (text and title) shares its span with another gene named there first:
     * the matcher names a span's own species first and a second species after it.
     */
    private Set<String> secondSpeciesOnly() {
        Set<String> first = new HashSet<>();
        Set<String> named = new LinkedHashSet<>();
        for (List<MentionRow> list : List.of(mentions, titleMentions)) {
            Map<String, String> firstAtSpan = new HashMap<>();
            for (MentionRow m : list) {
                if (m.isGene()) {
                    named.add(m.id());
                    if (firstAtSpan.computeIfAbsent(m.start() + ":" + m.end(), k -> m.id()).equals(m.id())) {
                        first.add(m.id());
                    }
                }
            }
        }
        named.removeAll(first);
        return named;
    }

    /**
     * Mentions per concept of one kind (text and title), the most any concept of that kind has, and how many
     * concepts and mentions the article has. A concept named only at another's spans (a second species) adds
     * neither, so these read the same whether a name is given one species, as in gold annotations, or two.
     */
    private static final class Counts {
        private final Map<String, Integer> byId = new LinkedHashMap<>();
        private int total;
        private int top;
        private int distinct;

        Counts(Map<String, List<MentionRow>> concepts, Map<String, Integer> titleCounts, Set<String> sharingSpans) {
            concepts.forEach((id, inText) -> {
                int n = inText.size() + titleCounts.getOrDefault(id, 0);
                byId.put(id, n);
                top = Math.max(top, n);
                if (!sharingSpans.contains(id)) {
                    total += n;
                    distinct++;
                }
            });
        }
    }

    private Pair pair(String geneId, List<MentionRow> geneMentions, String diseaseId, List<MentionRow> diseaseMentions, float[] scores,
                      Counts geneCounts, Counts diseaseCounts, Map<String, Integer> titleCounts, Map<String, Float> geneBest,
                      Map<String, Float> diseaseBest, boolean secondSpecies) {
        List<Evidence> evidence = new ArrayList<>();
        float best = 0;
        double sum = 0;
        boolean up = false, down = false, variant = false, last = false;
        for (int k = 0; k < scored.size(); k++) {
            PairCandidates.Candidate c = scored.get(k).candidate();
            if (c.gene().id().equals(geneId) && c.disease().id().equals(diseaseId)) {
                Sentence s = sentences.get(scored.get(k).sentence());
                evidence.add(new Evidence(s, scores[k], c.gene(), c.disease()));
                best = Math.max(best, scores[k]);
                sum += scores[k];
                String lower = s.text().toLowerCase(java.util.Locale.ROOT);
                up |= UP.matcher(lower).find();
                down |= DOWN.matcher(lower).find();
                variant |= VARIANT.matcher(lower).find();
                last |= scored.get(k).sentence() == sentences.size() - 1;
            }
        }
        int co = evidence.size();
        Closest closest = closest(geneMentions, diseaseMentions);
        if (co == 0 && closest != null) {
            evidence.addAll(closest.evidence(sentences));
        }
        double[] x = new double[PairFeature.values().length];
        x[PairFeature.CO_MENTIONED.ordinal()] = co > 0 ? 1 : 0;
        x[PairFeature.BEST_SENTENCE_SCORE.ordinal()] = best;
        x[PairFeature.MEAN_SENTENCE_SCORE.ordinal()] = co > 0 ? sum / co : 0;
        x[PairFeature.CO_MENTION_SENTENCES.ordinal()] = Math.log1p(co);
        x[PairFeature.TITLE_GENE.ordinal()] = titleCounts.containsKey(geneId) ? 1 : 0;
        x[PairFeature.TITLE_DISEASE.ordinal()] = titleCounts.containsKey(diseaseId) ? 1 : 0;
        int gn = geneCounts.byId.get(geneId), dn = diseaseCounts.byId.get(diseaseId);
        x[PairFeature.GENE_MENTIONS.ordinal()] = Math.log1p(gn);
        x[PairFeature.DISEASE_MENTIONS.ordinal()] = Math.log1p(dn);
        x[PairFeature.GENE_SHARE.ordinal()] = gn / (double) geneCounts.total;
        x[PairFeature.DISEASE_SHARE.ordinal()] = dn / (double) diseaseCounts.total;
        x[PairFeature.GENE_IS_TOP.ordinal()] = gn == geneCounts.top ? 1 : 0;
        x[PairFeature.DISEASE_IS_TOP.ordinal()] = dn == diseaseCounts.top ? 1 : 0;
        x[PairFeature.GENES.ordinal()] = Math.log1p(geneCounts.distinct);
        x[PairFeature.DISEASES.ordinal()] = Math.log1p(diseaseCounts.distinct);
        x[PairFeature.SENTENCE_GAP.ordinal()] = Math.log1p(closest == null ? sentences.size() : closest.gap());
        x[PairFeature.GENE_FIRST_SENTENCE.ordinal()] = firstSentence(geneMentions);
        x[PairFeature.DISEASE_FIRST_SENTENCE.ordinal()] = firstSentence(diseaseMentions);
        x[PairFeature.GENE_BEST_SCORE.ordinal()] = geneBest.getOrDefault(geneId, 0f);
        x[PairFeature.DISEASE_BEST_SCORE.ordinal()] = diseaseBest.getOrDefault(diseaseId, 0f);
        x[PairFeature.LAST_SENTENCE.ordinal()] = last ? 1 : 0;
        x[PairFeature.UP_CUES.ordinal()] = up ? 1 : 0;
        x[PairFeature.DOWN_CUES.ordinal()] = down ? 1 : 0;
        x[PairFeature.VARIANT_CUES.ordinal()] = variant ? 1 : 0;
        x[PairFeature.GENE_SECOND_SPECIES.ordinal()] = secondSpecies ? 1 : 0;
        MentionRow gene = geneMentions.isEmpty() ? firstInTitle(geneId) : geneMentions.get(0);
        MentionRow disease = diseaseMentions.isEmpty() ? firstInTitle(diseaseId) : diseaseMentions.get(0);
        return new Pair(gene, disease, evidence, x);
    }

    /** The gene and disease mentions in the nearest sentences, and those sentences' indexes. */
    private record Closest(MentionRow gene, int geneSentence, MentionRow disease, int diseaseSentence) {
        int gap() {
            return Math.abs(geneSentence - diseaseSentence);
        }

        /** Unscored evidence: the sentence naming both, or the two sentences in text order. */
        List<Evidence> evidence(List<Sentence> sentences) {
            if (geneSentence == diseaseSentence) {
                return List.of(new Evidence(sentences.get(geneSentence), null, gene, disease));
            }
            Evidence g = new Evidence(sentences.get(geneSentence), null, gene, null);
            Evidence d = new Evidence(sentences.get(diseaseSentence), null, null, disease);
            return geneSentence < diseaseSentence ? List.of(g, d) : List.of(d, g);
        }
    }

    private Closest closest(List<MentionRow> genes, List<MentionRow> diseases) {
        Closest best = null;
        if (sentences.isEmpty()) {
            return null;
        }
        for (MentionRow g : genes) {
            int gs = sentenceOf(g);
            for (MentionRow d : diseases) {
                Closest c = new Closest(g, gs, d, sentenceOf(d));
                if (best == null || c.gap() < best.gap()) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The sentence a mention starts in; one between sentences counts to the sentence before. */
    private int sentenceOf(MentionRow m) {
        int at = 0;
        for (int i = 0; i < sentences.size() && sentences.get(i).start() <= m.start(); i++) {
            at = i;
        }
        return at;
    }

    /** Where a concept is first named in the text, 0 (first sentence) to 1 (last); 0 when only the title names it. */
    private double firstSentence(List<MentionRow> inText) {
        return inText.isEmpty() || sentences.size() < 2 ? 0 : sentenceOf(inText.get(0)) / (double) (sentences.size() - 1);
    }

    private MentionRow firstInTitle(String id) {
        return titleMentions.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}
