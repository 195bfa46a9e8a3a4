package org.geneassoc.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationModelTest {
    private static final List<String> TYPES = List.of("Association", "Positive_Correlation", "Negative_Correlation");

    private static RelationModel model() {
        return new RelationModel(List.of("A", "B"), new double[] {2.0, -1.0}, 0.5, 0.3, TYPES,
                new double[][] {{0, 0}, {3, 0}, {0, 3}}, new double[] {1, 0, 0});
    }

    @Test
    void theScoreIsTheLogisticOfTheWeightedSumAndTheTypeTheLargestLogit() {
        RelationModel m = model();
        assertThat(m.score(new double[] {1, 1})).isCloseTo(1 / (1 + Math.exp(-1.5)), within(1e-12));
        assertThat(m.score(new double[] {0, 0})).isCloseTo(1 / (1 + Math.exp(-0.5)), within(1e-12));
        assertThat(m.type(new double[] {0, 0})).isEqualTo("Association");
        assertThat(m.type(new double[] {1, 0})).isEqualTo("Positive_Correlation");
        assertThat(m.type(new double[] {0, 1})).isEqualTo("Negative_Correlation");
    }

    @Test
    void itIsRefusedWhenItReadsOtherFeaturesThanTheJobComputes() {
        assertThatThrownBy(() -> model().requireFeatures(List.of("A", "C"), "models/gda-classifier"))
                .hasMessageContaining("models/gda-classifier").hasMessageContaining("[A, B]").hasMessageContaining("[A, C]");
        assertThatThrownBy(() -> new RelationModel(List.of("A"), new double[] {1, 2}, 0, 0.5, TYPES, new double[3][1], new double[3]))
                .hasMessageContaining("2 weights for 1 features");
    }

    @Test
    void itSurvivesJsonUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("relation.json");
        model().write(file);
        RelationModel back = RelationModel.read(file);
        assertThat(back.weights()).containsExactly(2.0, -1.0);
        assertThat(back.typeWeights()[2]).containsExactly(0, 3);
        Path again = dir.resolve("again.json");
        back.write(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
        Files.writeString(file, "{\"features\": [\"A\"]}");
        assertThatThrownBy(() -> RelationModel.read(file)).hasMessageContaining("Cannot read relation model " + file);
    }
}
