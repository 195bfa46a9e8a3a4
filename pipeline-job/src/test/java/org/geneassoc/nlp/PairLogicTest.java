package org.geneassoc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.classify.PairFeature;
import org.geneassoc.ner.Concept.EntityType;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Candidate pairs and their masks, the pairable filter and the article's pairs with their features, on a real BioRED
 * Dev abstract (PMID 15951966: MSH2 and MLH1 in HNPCC) with its gold mentions standing in for the matcher's.
 */
class PairLogicTest {
    private static final StructType ANNOTATION = new StructType()
            .add("begin", DataTypes.IntegerType).add("end", DataTypes.IntegerType);
    private static String text;
    private static List<MentionRow> mentions;
    /** Sentence spans [start, end) of the text. */
    private static List<int[]> sentences;

    @BeforeAll
    static void readAbstract() throws Exception {
        PubTator.Document doc = PubTator.read(SharedData.require("biored/Dev.PubTator")).stream()
                .filter(d -> d.pmid().equals("15951966")).findFirst().orElseThrow();
        text = doc.title() + " " + doc.abstractText();
        mentions = new ArrayList<>();
        for (PubTator.Mention m : doc.mentions()) {
            if (m.isGene() || m.isDisease()) {
                String id = m.ids().get(0);
                mentions.add(new MentionRow(m.text(), m.start(), m.end(), m.isGene() ? EntityType.GENE : EntityType.DISEASE, id,
                        m.text(), m.isGene() ? "9606" : null, null, m.isGene() ? null : id, null, null));
            }
        }
        sentences = new ArrayList<>();
        Matcher boundary = Pattern.compile("(?<=\\.) (?=[A-Z])").matcher(text);
        int from = 0;
        while (boundary.find()) {
            sentences.add(new int[] {from, boundary.start()});
            from = boundary.end();
        }
        sentences.add(new int[] {from, text.length()});
    }

    private static String sentence(int i) {
        return text.substring(sentences.get(i)[0], sentences.get(i)[1]);
    }

    private static List<PairCandidates.Candidate> candidatesOf(int i) {
        return PairCandidates.candidates(sentence(i), sentences.get(i)[0], mentions, 20);
    }

    private static Row annotation(int[] span) {
        return new GenericRowWithSchema(new Object[] {span[0], span[1] - 1}, ANNOTATION);
    }

    @Test
    void eachGeneDiseasePairOfASentenceIsMaskedTheWayGadMasksIt() {
        assertThat(sentence(1)).startsWith("BACKGROUND: Exonic deletions in MSH2 and MLH1");
        List<PairCandidates.Candidate> pairs = candidatesOf(1);
        // MLH1 stands closer to HNPCC than MSH2 does, so its pair comes first.
        assertThat(pairs).extracting(p -> p.gene().id() + "|" + p.disease().id()).containsExactly("4292|D003123", "4436|D003123");
        assertThat(pairs.get(0).premise()).startsWith("BACKGROUND: Exonic deletions in MSH2 and @GENE$ are significant contributors "
                + "to the mutation spectrum in @DISEASE$, and heterozygous");
        assertThat(pairs.get(1).premise()).startsWith("BACKGROUND: Exonic deletions in @GENE$ and MLH1 are");
        assertThat(sentence(0)).startsWith("Screening for exonic");
        assertThat(candidatesOf(0)).as("the title names genes but no disease").isEmpty();
    }

    @Test
    void ofSeveralMentionsOfOnePairTheClosestStandsForIt() {
        List<PairCandidates.Candidate> all = PairCandidates.candidates(text, 0, mentions, 20);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).gene().start()).isEqualTo(1150);
        assertThat(all.get(0).disease().start()).isEqualTo(1167);
        assertThat(all.get(1).gene().start()).isEqualTo(1141);
        assertThat(PairCandidates.candidates(text, 0, mentions, 1)).hasSize(1);
    }

    @Test
    void overlappingMentionsNeverPair() {
        MentionRow msh2 = mentions.get(0);
        MentionRow sameSpanAsDisease = new MentionRow(msh2.text(), msh2.start(), msh2.end(), EntityType.DISEASE, "D000000",
                "made up", null, null, "D000000", null, null);
        assertThat(PairCandidates.candidates(sentence(0), 0, List.of(msh2, sameSpanAsDisease), 20)).isEmpty();
    }

    @Test
    void anArticleIsPairableWhenItNamesAGeneAndADisease() {
        assertThat(PairableFilter.pairable(mentions)).isTrue();
        assertThat(PairableFilter.pairable(mentions.stream().filter(MentionRow::isGene).toList())).isFalse();
        assertThat(PairableFilter.pairable(List.of())).isFalse();
    }

    private static List<ArticlePairs.Sentence> spans() {
        return sentences.stream().map(s -> new ArticlePairs.Sentence(text.substring(s[0], s[1]), s[0], s[1])).toList();
    }

    private static double feature(ArticlePairs.Pair p, PairFeature f) {
        return p.features()[f.ordinal()];
    }

    @Test
    void pairsThatShareSentencesCarryTheirScoresAsFeaturesAndEvidence() {
        ArticlePairs article = new ArticlePairs(spans(), mentions, List.of(), 20);
        // BACKGROUND: MLH1, MSH2 with HNPCC; RESULTS names no gene; CONCLUSIONS: MSH2, MLH1.
        assertThat(article.premises()).hasSize(4).allMatch(p -> p.contains("@GENE$") && p.contains("@DISEASE$"));
        List<ArticlePairs.Pair> pairs = article.pairs(new float[] {0.6f, 0.9f, 0.8f, 0.5f});
        assertThat(pairs).extracting(p -> p.gene().id() + "|" + p.disease().id()).containsExactly("4436|D003123", "4292|D003123");
        ArticlePairs.Pair msh2 = pairs.get(0);
        assertThat(msh2.evidence()).extracting(ArticlePairs.Evidence::score).containsExactly(0.9f, 0.8f);
        assertThat(msh2.evidence().get(0).sentence().text()).startsWith("BACKGROUND:");
        assertThat(feature(msh2, PairFeature.CO_MENTIONED)).isEqualTo(1);
        assertThat(feature(msh2, PairFeature.BEST_SENTENCE_SCORE)).isCloseTo(0.9, within(1e-6));
        assertThat(feature(msh2, PairFeature.MEAN_SENTENCE_SCORE)).isCloseTo(0.85, within(1e-6));
        assertThat(feature(msh2, PairFeature.CO_MENTION_SENTENCES)).isCloseTo(Math.log(3), within(1e-9));
        assertThat(feature(msh2, PairFeature.SENTENCE_GAP)).isZero();
        assertThat(feature(msh2, PairFeature.LAST_SENTENCE)).as("one more sentence follows CONCLUSIONS").isZero();
        assertThat(feature(msh2, PairFeature.VARIANT_CUES)).as("'Exonic deletions'").isEqualTo(1);
        // MLH1's pairs score 0.6 and 0.5, but HNPCC's best pair (with MSH2) scores 0.9.
        assertThat(feature(pairs.get(1), PairFeature.GENE_BEST_SCORE)).isCloseTo(0.6, within(1e-6));
        assertThat(feature(pairs.get(1), PairFeature.DISEASE_BEST_SCORE)).isCloseTo(0.9, within(1e-6));
        assertThat(feature(msh2, PairFeature.GENES)).isCloseTo(Math.log(3), within(1e-9));
        assertThat(feature(msh2, PairFeature.DISEASES)).isCloseTo(Math.log(2), within(1e-9));
        assertThat(feature(msh2, PairFeature.DISEASE_SHARE)).isEqualTo(1);
    }

    @Test
    void aPairThatSharesNoSentenceIsStillACandidateWithItsNearestSentencesAsEvidence() {
        int results = 4;
        assertThat(sentence(results)).startsWith("RESULTS:");
        int at = sentences.get(results)[0];
        MentionRow madeUp = new MentionRow("RESULTS", at, at + 7, EntityType.DISEASE, "D000001", "made up", null, null, "D000001", null, null);
        List<MentionRow> all = new ArrayList<>(mentions);
        all.add(madeUp);
        MentionRow titleDisease = new MentionRow("Screening", 0, 9, EntityType.DISEASE, "D000002", "title only", null, null, "D000002", null, null);
        ArticlePairs article = new ArticlePairs(spans(), all, List.of(titleDisease), 20);
        List<ArticlePairs.Pair> pairs = article.pairs(new float[article.premises().size()]);
        assertThat(pairs).hasSize(6);
        ArticlePairs.Pair apart = pairs.stream().filter(p -> p.gene().id().equals("4436") && p.disease().id().equals("D000001"))
                .findFirst().orElseThrow();
        assertThat(feature(apart, PairFeature.CO_MENTIONED)).isZero();
        assertThat(feature(apart, PairFeature.BEST_SENTENCE_SCORE)).isZero();
        assertThat(feature(apart, PairFeature.SENTENCE_GAP)).isCloseTo(Math.log1p(1), within(1e-9));
        assertThat(apart.evidence()).extracting(ArticlePairs.Evidence::score).containsOnlyNulls();
        assertThat(apart.evidence()).extracting(e -> e.sentence().start()).isSorted();
        assertThat(apart.evidence().get(1).disease()).isEqualTo(madeUp);
        ArticlePairs.Pair titleOnly = pairs.stream().filter(p -> p.disease().id().equals("D000002")).findFirst().orElseThrow();
        assertThat(feature(titleOnly, PairFeature.TITLE_DISEASE)).isEqualTo(1);
        assertThat(feature(titleOnly, PairFeature.TITLE_GENE)).isZero();
        assertThat(titleOnly.evidence()).isEmpty();
    }

    @Test
    void aGeneNamedOnlyAsTheSecondSpeciesOfItsSpansIsMarkedSo() {
        // Mouse Msh2 (17685) follows every MSH2 mention at its span, as the matcher's species head adds it.
        List<MentionRow> both = new ArrayList<>();
        for (MentionRow m : mentions) {
            both.add(m);
            if (m.id().equals("4436")) {
                both.add(new MentionRow(m.text(), m.start(), m.end(), EntityType.GENE, "17685", "Msh2", "10090", null, null, "4436", "MSH2"));
            }
        }
        List<ArticlePairs.Pair> pairs = new ArticlePairs(spans(), both, List.of(), 20).pairs(new float[4 + 2]);
        assertThat(pairs).filteredOn(p -> p.gene().id().equals("17685")).hasSize(1)
                .allSatisfy(p -> assertThat(feature(p, PairFeature.GENE_SECOND_SPECIES)).isEqualTo(1));
        assertThat(pairs).filteredOn(p -> !p.gene().id().equals("17685")).hasSize(2)
                .allSatisfy(p -> assertThat(feature(p, PairFeature.GENE_SECOND_SPECIES)).isZero());
        // The gene counts read as they do without the second species, as they would on gold mentions.
        List<ArticlePairs.Pair> humanOnly = new ArticlePairs(spans(), mentions, List.of(), 20).pairs(new float[4]);
        double msh2Share = feature(humanOnly.get(0), PairFeature.GENE_SHARE);
        assertThat(msh2Share).isStrictlyBetween(0.0, 1.0);
        assertThat(pairs).allSatisfy(p -> assertThat(feature(p, PairFeature.GENES)).isCloseTo(Math.log(3), within(1e-9)));
        assertThat(pairs).filteredOn(p -> !p.gene().id().equals("4292"))
                .allSatisfy(p -> assertThat(feature(p, PairFeature.GENE_SHARE)).isCloseTo(msh2Share, within(1e-9)));
        // Named first somewhere (here in the title), it is a gene of the text's own, not only a second species.
        MentionRow inTitle = new MentionRow("Msh2", 0, 4, EntityType.GENE, "17685", "Msh2", "10090", null, null, "4436", "MSH2");
        assertThat(new ArticlePairs(spans(), both, List.of(inTitle), 20).pairs(new float[6])).filteredOn(p -> p.gene().id().equals("17685"))
                .allSatisfy(p -> assertThat(feature(p, PairFeature.GENE_SECOND_SPECIES)).isZero());
    }
}
