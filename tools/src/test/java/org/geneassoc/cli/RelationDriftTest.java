package org.geneassoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed relation model, MARKED head and relation figures are what {@code train-relations} makes of BioRED with
 * the entity stage that ships. The relation model learns from the candidates the recognizers find, so a change to
 * the vocabulary, the matcher or the mention model must be followed by a refit; session 14's mention model was not,
 * and the shipped relation model and EVALUATION.md's figures described the entities before it until session 15.
 */
class RelationDriftTest {
    private static final Path COMMITTED_MODEL = Path.of("..", "model-assets", "src", "main", "models", "gda-classifier");
    private static final Path COMMITTED_REPORT = Path.of("..", "model-assets", "EVALUATION.md");
    private static final Path COMMITTED_PLOT = Path.of("..", "model-assets", "docs", "relation-calibration.svg");
    private static final List<String> WRITTEN = List.of("relation.json", "model.json", "head-marked.json");

    @Test
    void refittingGivesTheCommittedRelationModelAndFigures(@TempDir Path dir) throws Exception {
        Path data = SharedData.require("biored/Train.PubTator").getParent().getParent();
        Path model = Files.createDirectories(dir.resolve("gda-classifier"));
        try (Stream<Path> files = Files.list(COMMITTED_MODEL)) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Path report = Files.copy(COMMITTED_REPORT, dir.resolve("EVALUATION.md"));
        // Where the committed plot sits beside the report, so the report links it by the same relative path.
        Path plot = Files.createDirectories(dir.resolve("docs")).resolve("relation-calibration.svg");
        int code = GeneAssocCli.execute("train-relations", "--data", data.toString(), "--model-out", model.toString(), "--report",
                report.toString(), "--plot", plot.toString(), "--models", SharedData.models(), "--master", "local[2]");
        assertThat(code).as("train-relations exit code").isZero();
        String refit = "run bin/geneassoc train-relations --data ../shared/data and commit the result";
        for (String f : WRITTEN) {
            assertThat(model.resolve(f)).as("%s; %s", f, refit).hasSameTextualContentAs(COMMITTED_MODEL.resolve(f));
        }
        assertThat(report).as("EVALUATION.md's relation section; %s", refit).hasSameTextualContentAs(COMMITTED_REPORT);
        assertThat(plot).as("the calibration plot; %s", refit).hasSameTextualContentAs(COMMITTED_PLOT);
    }
}
