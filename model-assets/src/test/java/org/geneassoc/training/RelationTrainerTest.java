package org.geneassoc.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.geneassoc.classify.RelationModel;
import org.geneassoc.evaluation.SetScores;
import org.geneassoc.testing.SharedSpark;
import org.geneassoc.training.RelationTrainer.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relation model's training: the same examples in any order give the same bytes; pair F1 counts unfound gold pairs. */
class RelationTrainerTest {
    private static final List<String> FEATURES = List.of("signal", "noise", "cue");

    /** Related when the signal is high; the type follows the cue. */
    static List<Example> examples(int n) {
        Random random = new Random(7);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double signal = random.nextDouble();
            double cue = random.nextInt(3);
            boolean related = signal + 0.3 * random.nextGaussian() > 0.6;
            String type = !related ? null : cue == 1 ? "Positive_Correlation" : cue == 2 ? "Negative_Correlation" : "Association";
            out.add(new Example("pmid" + (i / 4), "g" + i, "d" + (i % 4), "human", new double[] {signal, random.nextDouble(), cue}, type));
        }
        return out;
    }

    @Test
    void theSameExamplesInAnyOrderGiveTheSameModelBytes(@TempDir Path dir) throws Exception {
        RelationTrainer trainer = new RelationTrainer(SharedSpark.get(), FEATURES);
        List<Example> examples = examples(400);
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(1));
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        trainer.model(trainer.fit(examples, 0.01), trainer.fitTypes(examples, 0.01)).write(a);
        trainer.model(trainer.fit(shuffled, 0.01), trainer.fitTypes(shuffled, 0.01)).write(b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

        RelationModel m = RelationModel.read(a);
        assertThat(m.weights()[0]).as("the signal").isGreaterThan(3 * Math.abs(m.weights()[1]));
        assertThat(m.score(new double[] {0.95, 0.5, 0})).isGreaterThan(0.8);
        assertThat(m.score(new double[] {0.05, 0.5, 0})).isLessThan(0.2);
        assertThat(m.type(new double[] {0.9, 0.5, 1})).isEqualTo("Positive_Correlation");
        assertThat(m.type(new double[] {0.9, 0.5, 2})).isEqualTo("Negative_Correlation");
    }

    @Test
    void pairF1CountsGoldPairsThatWereNeverCandidatesAsMissed() {
        List<Example> found = List.of(new Example("1", "672", "D001943", "human", new double[] {0.9}, "Association"),
                new Example("1", "675", "D001943", "human", new double[] {0.2}, null));
        Map<String, Set<String>> gold = Map.of("1", Set.of("672|D001943", "7157|D001943"));
        SetScores s = RelationTrainer.pairScores(found, gold, x -> x[0], 0.5);
        assertThat(s).isEqualTo(new SetScores(1, 0, 1));
        assertThat(RelationTrainer.pairScores(found, gold, x -> x[0], 0.1)).isEqualTo(new SetScores(1, 1, 1));
    }
}
