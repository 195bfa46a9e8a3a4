package org.geneassoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bootstrap interval evaluate-entities and evaluate-pairs print beside an F1 over abstracts. */
class F1IntervalTest {

    /** {@code copies} of four abstracts: two found right, one half right, one missed and spurious. */
    private static Map<String, SetScores> abstracts(int copies) {
        Map<String, SetScores> out = new HashMap<>();
        for (int c = 0; c < copies; c++) {
            out.put(c + "a", new SetScores(3, 0, 0));
            out.put(c + "b", new SetScores(2, 0, 0));
            out.put(c + "c", new SetScores(1, 1, 1));
            out.put(c + "d", new SetScores(0, 2, 2));
        }
        return out;
    }

    @Test
    void abstractsScoredAlikeLeaveNoRoomToMove() {
        Map<String, SetScores> same = Map.of("1", new SetScores(2, 1, 1), "2", new SetScores(2, 1, 1), "3", new SetScores(2, 1, 1));
        F1Interval i = F1Interval.of(same);
        assertThat(i.low()).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(i.high()).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(i.documents()).isEqualTo(3);
    }

    @Test
    void theIntervalHoldsTheFigureNarrowsWithMoreAbstractsAndRepeats() {
        SetScores all = abstracts(25).values().stream().reduce(new SetScores(0, 0, 0), SetScores::plus);
        assertThat(all.f1()).isCloseTo(12.0 / 18, offset(1e-12));
        F1Interval hundred = F1Interval.of(abstracts(25));
        F1Interval fourHundred = F1Interval.of(abstracts(100));
        assertThat(hundred.low()).isLessThan(all.f1()).isGreaterThan(0.5);
        assertThat(hundred.high()).isGreaterThan(all.f1()).isLessThan(0.8);
        // Four times the abstracts: about half the width (the width falls as one over the square root of the count).
        double ratio = (fourHundred.high() - fourHundred.low()) / (hundred.high() - hundred.low());
        assertThat(ratio).isBetween(0.35, 0.65);
        assertThat(F1Interval.of(new HashMap<>(abstracts(25)))).as("a fixed seed and a fixed order of abstracts").isEqualTo(hundred);
        assertThat(hundred.line()).isEqualTo(String.format(java.util.Locale.ROOT,
                "    95%% interval of F1 %.4f-%.4f (1,000 resamples of the 100 abstracts)", hundred.low(), hundred.high()));
    }

    @Test
    void perDocumentCountsSumToTheCorpusFigure() {
        Map<String, Set<String>> gold = Map.of("1", Set.of("a", "b"), "2", Set.of("c"), "3", Set.of());
        Map<String, Set<String>> found = Map.of("1", Set.of("a", "x"), "3", Set.of("y"), "4", Set.of("z"));
        assertThat(SetScores.perDocument(found, gold)).isEqualTo(Map.of(
                "1", new SetScores(1, 1, 1), "2", new SetScores(0, 0, 1), "3", new SetScores(0, 1, 0)));
        assertThat(SetScores.of(found, gold)).isEqualTo(new SetScores(1, 2, 2));
        assertThat(F1Interval.of(Map.of()).documents()).isZero();
    }
}
