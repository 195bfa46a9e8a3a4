package org.geneassoc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.documents.GdaAggregator;
import org.geneassoc.documents.GdaDocument.Association;
import org.geneassoc.ner.Concept.EntityType;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Candidate pairs and their masks, the pairable filter and the association aggregation, on a real BioRED
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
    void anAbstractIsPairableOnlyWhereOneSentenceNamesBoth() {
        List<Row> all = sentences.stream().map(PairLogicTest::annotation).toList();
        assertThat(PairableFilter.pairable(mentions, all)).isTrue();
        // The title and the METHODS sentence name genes only.
        int methods = 3;
        assertThat(sentence(methods)).startsWith("METHODS:");
        assertThat(PairableFilter.pairable(mentions, List.of(annotation(sentences.get(0)), annotation(sentences.get(methods)))))
                .isFalse();
        assertThat(PairableFilter.pairable(List.of(), all)).isFalse();
    }

    @Test
    void associationsKeepTheBestScoreAndEveryEvidenceSentenceInTextOrder() {
        List<GdaAggregator.Scored> scored = new ArrayList<>();
        float[] scores = {0.6f, 0.9f, 0.8f};
        int k = 0;
        for (int i = 0; i < sentences.size(); i++) {
            for (PairCandidates.Candidate c : candidatesOf(i)) {
                scored.add(new GdaAggregator.Scored(sentence(i), scores[k++ % scores.length], sentences.get(i)[0], sentences.get(i)[1],
                        c.gene(), c.disease()));
            }
        }
        // BACKGROUND: MLH1 0.6, MSH2 0.9; RESULTS names no gene; CONCLUSIONS: MSH2 0.8, MLH1 0.6.
        assertThat(scored).hasSize(4);
        List<Association> associations = GdaAggregator.associate(scored);
        assertThat(associations).extracting(a -> a.gene().entrezId()).containsExactly("4436", "4292");
        Association msh2 = associations.get(0);
        assertThat(msh2.score()).isEqualTo(0.9f);
        assertThat(msh2.disease().meshId()).isEqualTo("D003123");
        assertThat(msh2.evidence()).extracting(e -> e.score()).containsExactly(0.9f, 0.8f);
        assertThat(msh2.evidence().get(0).start()).isLessThan(msh2.evidence().get(1).start());
        assertThat(associations.get(1).score()).isEqualTo(0.6f);
        assertThat(GdaAggregator.entries(scored)).extracting(e -> e.start()).isSorted();
    }
}
