package org.geneassoc.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geneassoc.evaluation.SetScores;
import org.geneassoc.testing.SharedSpark;
import org.geneassoc.training.NestedCrossValidation.Outcome;
import org.geneassoc.training.NestedCrossValidation.Scored;
import org.geneassoc.training.RelationTrainer.Example;
import org.junit.jupiter.api.Test;

/** Nested cross-validation: held-out abstracts never reach the choices or weights that score them, and the choice is measured there. */
class NestedCrossValidationTest {
    private static final List<String> FEATURES = List.of("signal", "noise", "cue");

    private static Map<String, Set<String>> gold(List<Example> examples) {
        Map<String, Set<String>> gold = new HashMap<>();
        for (Example e : examples) {
            Set<String> pairs = gold.computeIfAbsent(e.pmid(), k -> new TreeSet<>());
            if (e.related()) {
                pairs.add(e.pair());
            }
        }
        return gold;
    }

    /** Three outer folds, three inner folds. */
    private static Outcome nested(List<Example> examples) {
        return new NestedCrossValidation(new RelationTrainer(SharedSpark.get(), FEATURES), 3).run(examples, List.of(), gold(examples), 3);
    }

    @Test
    void theLabelsOfAHeldOutFoldDoNotChangeWhatScoresIt() {
        List<Example> examples = RelationTrainerTest.examples(480);
        Map<String, Set<String>> gold = gold(examples);
        Outcome outcome = nested(examples);

        Folds folds = new Folds(gold.keySet(), 3);
        List<Example> flipped = new ArrayList<>();
        for (Example e : examples) {
            boolean inFold0 = folds.of(e.pmid()) == 0;
            flipped.add(inFold0 ? new Example(e.pmid(), e.geneId(), e.diseaseId(), e.species(), e.features(),
                    e.related() ? null : "Association") : e);
        }
        Outcome other = nested(flipped);

        assertThat(other.choices().get(0)).as("fold 0's choice, made without fold 0").isEqualTo(outcome.choices().get(0));
        assertThat(scores(other, 0)).as("fold 0's held-out scores").containsExactly(scores(outcome, 0));
        assertThat(other.choices().get(1)).as("fold 1 trains on fold 0's flipped labels").isNotEqualTo(outcome.choices().get(1));
        assertThat(outcome.endToEnd()).extracting(s -> s.example().pmid() + "|" + s.example().pair()).doesNotHaveDuplicates()
                .hasSize(examples.size());
    }

    @Test
    void theChosenThresholdBeatsTheExtremesOnHeldOutAbstractsAndTheScoreIsCalibrated() {
        List<Example> examples = RelationTrainerTest.examples(600);
        Map<String, Set<String>> gold = gold(examples);
        Outcome outcome = nested(examples);
        double chosen = outcome.pooled(outcome.endToEnd(), gold, false).f1();
        assertThat(chosen).isGreaterThan(Outcome.at(outcome.endToEnd(), gold, 0.95).f1() + 0.05)
                .isGreaterThan(Outcome.at(outcome.endToEnd(), gold, 0.05).f1() + 0.05);
        SetScores high = outcome.pooled(outcome.endToEnd(), gold, true);
        assertThat(high.precision()).isGreaterThan(outcome.pooled(outcome.endToEnd(), gold, false).precision());

        double[] s = outcome.endToEnd().stream().mapToDouble(Scored::score).toArray();
        boolean[] right = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            right[i] = outcome.endToEnd().get(i).example().related();
        }
        assertThat(org.geneassoc.evaluation.Calibration.of(s, right).expectedError()).isLessThan(0.08);
    }

    @Test
    void theTypeStrengthIsWeakWhereTheFeaturesTellTheTypeAndStrongWhereTheyDoNot() {
        RelationTrainer trainer = new RelationTrainer(SharedSpark.get(), FEATURES);
        NestedCrossValidation nested = new NestedCrossValidation(trainer, 3);
        // The cue feature names the type.
        List<Example> told = RelationTrainerTest.examples(600);
        double weak = nested.chooseTypeStrength(told);
        assertThat(weak).isLessThanOrEqualTo(0.1);
        assertThat(trainer.model(trainer.fit(told, weak), trainer.fitTypes(told, weak)).type(new double[] {0.9, 0.5, 2}))
                .isEqualTo("Negative_Correlation");
        // Types drawn apart from the features, Association most often: the majority answer is the best there is.
        java.util.Random random = new java.util.Random(3);
        List<Example> noise = new ArrayList<>();
        for (Example e : told) {
            double u = random.nextDouble();
            noise.add(new Example(e.pmid(), e.geneId(), e.diseaseId(), e.species(), e.features(), !e.related() ? null
                    : u < 0.6 ? "Association" : u < 0.8 ? "Positive_Correlation" : "Negative_Correlation"));
        }
        double strong = nested.chooseTypeStrength(noise);
        assertThat(strong).isGreaterThanOrEqualTo(1.0);
        var model = trainer.model(trainer.fit(noise, strong), trainer.fitTypes(noise, strong));
        assertThat(noise).allSatisfy(e -> assertThat(model.type(e.features())).isEqualTo("Association"));
    }

    private static double[] scores(Outcome outcome, int fold) {
        return outcome.endToEnd().stream().filter(s -> s.fold() == fold).mapToDouble(Scored::score).toArray();
    }
}
