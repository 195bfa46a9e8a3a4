package org.geneassoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures evaluate-pairs prints, on a gold file small enough to count by hand. */
class EvaluationArithmeticTest {
    static final String GOLD = String.join("\n",
            "1|t|BRCA1 and cancer",
            "1|a|BRCA1 mutations cause breast cancer; TP53 is mentioned too.",
            "1\t0\t5\tBRCA1\tGeneOrGeneProduct\t672",
            "1\t17\t22\tBRCA1\tGeneOrGeneProduct\t672",
            "1\t40\t53\tbreast cancer\tDiseaseOrPhenotypicFeature\tD001943",
            "1\t55\t59\tTP53\tGeneOrGeneProduct\t7157",
            "1\tAssociation\t672\tD001943\tNovel",
            "1\tAssociation\t7157\t672\tNo",
            "",
            "2|t|Title only gene APOE",
            "2|a|Alzheimer disease.",
            "2\t16\t20\tAPOE\tGeneOrGeneProduct\t348",
            "2\t21\t38\tAlzheimer disease\tDiseaseOrPhenotypicFeature\tD000544",
            "2\tPositive_Correlation\tD000544\t348\tNovel",
            "");

    @Test
    void goldSetsAndScoresCountAsByHand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gold.pubtator");
        Files.writeString(file, GOLD);
        GoldStandard gold = GoldStandard.read(file);
        assertThat(gold.pairs()).isEqualTo(Map.of("1", Set.of("672|D001943"), "2", Set.of("348|D000544")));
        assertThat(gold.genes().get("1")).containsExactlyInAnyOrder("672", "7157");
        assertThat(gold.genes().get("2")).as("title mentions are not abstract mentions").isEmpty();

        // Predicted: doc 1 right pair plus one wrong; doc 2 nothing; an extra doc not in gold is ignored.
        SetScores s = SetScores.of(Map.of("1", Set.of("672|D001943", "7157|D001943"), "3", Set.of("1|D1")), gold.pairs());
        assertThat(s.tp()).isEqualTo(1);
        assertThat(s.fp()).isEqualTo(1);
        assertThat(s.fn()).isEqualTo(1);
        assertThat(s.precision()).isEqualTo(0.5);
        assertThat(s.recall()).isEqualTo(0.5);
        assertThat(s.f1()).isCloseTo(0.5, offset(1e-12));
        assertThat(SetScores.of(Map.of(), gold.pairs()).f1()).isZero();
        // Two corpora scored as one: counts add, and F1 is of the sums (4 / 6), not the mean of 0.5 and 1.
        assertThat(s.plus(new SetScores(1, 0, 0))).isEqualTo(new SetScores(2, 1, 1));
        assertThat(s.plus(new SetScores(1, 0, 0)).f1()).isCloseTo(2.0 / 3, offset(1e-12));

        // Every gene with every disease of an abstract: doc 1 gives 2 candidates, one right; doc 2 none.
        Map<String, Set<String>> candidates = GoldStandard.everyPair(
                Map.of("1", Set.of("672", "7157"), "2", Set.of("348")), Map.of("1", Set.of("D001943")));
        assertThat(candidates).isEqualTo(Map.of("1", Set.of("672|D001943", "7157|D001943")));
        SetScores best = SetScores.of(candidates, gold.pairs()).bestSubset();
        assertThat(best.precision()).isEqualTo(1.0);
        assertThat(best.recall()).isEqualTo(0.5);
        assertThat(best.f1()).isCloseTo(2.0 / 3, offset(1e-12));
    }
}
