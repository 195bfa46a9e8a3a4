package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geneassoc.config.ConfigLoader;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.Setting;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files are found wherever the platform puts spark-submit's --files, or in the folder --config names. */
class ConfigFilesTest {
    private static final String SHIPPED = "s3://bucket/config/geneassoc.json,s3://bucket/config/models.json,s3://bucket/extra.txt";

    @Test
    void shippedFilesAreReadFromSparksFolderOrTheWorkingDirectory(@TempDir Path files, @TempDir Path work) throws Exception {
        Files.writeString(files.resolve("geneassoc.json"), "{\"abstractThreshold\": 0.6}");
        Files.writeString(work.resolve("models.json"), "{\"emrfsModelPath\": \"s3://bucket/models\"}");
        assertThat(JobCommand.shippedJsonFiles(SHIPPED, files, work))
                .containsExactly(files.resolve("geneassoc.json"), work.resolve("models.json"));
    }

    @Test
    void filesNamedYarnStyleOrTwiceAreReadOnce(@TempDir Path files, @TempDir Path work) throws Exception {
        Files.writeString(work.resolve("geneassoc.json"), "{}");
        Files.writeString(work.resolve("models.json"), "{\"emrfsModelPath\": \"s3://bucket/models\"}");
        // What shippedJsonFiles() joins: spark.files (empty here) and spark.yarn.dist.files, which also names them.
        String yarn = ",s3://bucket/config/geneassoc.json,s3://bucket/config/models.json,s3://bucket/config/models.json";
        assertThat(JobCommand.shippedJsonFiles(yarn, files, work)).containsExactly(work.resolve("geneassoc.json"), work.resolve("models.json"));
    }

    @Test
    void onAClusterAModelsRootNoSourceSetIsAnErrorNamingModelsJson(@TempDir Path dir) throws Exception {
        SharedSpark.get();
        ConfigLoader none = JobCommand.settings(Map.of(Setting.INPUT, "in"), dir.resolve("nowhere").toString(), false);
        assertThatThrownBy(() -> JobCommand.requireModelsOnCluster(none, "yarn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("models.json").hasMessageContaining("spark.yarn.dist.files").hasMessageContaining("--models");
        JobCommand.requireModelsOnCluster(none, "local[2]");
        Files.writeString(dir.resolve("models.json"), "{\"emrfsModelPath\": \"s3://bucket/models\"}");
        ConfigLoader shipped = new ConfigLoader().jsonFile(dir.resolve("models.json"));
        JobCommand.requireModelsOnCluster(shipped, "yarn");
        assertThat(shipped.origin(Setting.MODELS)).contains("models.json");
    }

    @Test
    void aShippedFileFoundNowhereIsNamed(@TempDir Path files, @TempDir Path work) throws Exception {
        Files.writeString(files.resolve("geneassoc.json"), "{}");
        assertThatThrownBy(() -> JobCommand.shippedJsonFiles(SHIPPED, files, work)).isInstanceOf(IOException.class)
                .hasMessageContaining("s3://bucket/config/models.json").hasMessageContaining(work.toString());
    }

    @Test
    void aNamedConfigFolderIsReadAndAMissingOneIsNamed(@TempDir Path dir) throws Exception {
        SharedSpark.get();
        Files.writeString(dir.resolve("site.json"), "{\"sentenceThreshold\": 0.55}");
        JobConfig cfg = JobCommand.settings(Map.of(Setting.INPUT, "in"), "file:" + dir, true).build();
        assertThat(cfg.sentenceThreshold()).isEqualTo(0.55);
        String missing = dir.resolve("nowhere").toString();
        assertThatThrownBy(() -> JobCommand.settings(Map.of(Setting.INPUT, "in"), missing, true))
                .hasMessage("Configuration folder " + missing + " does not exist");
        assertThat(JobCommand.settings(Map.of(Setting.INPUT, "in"), missing, false).build().sentenceThreshold()).isEqualTo(0.7);
    }

    @Test
    void theShippedAssociationThresholdIsTheOneChosenOnDev() throws Exception {
        double chosen = org.geneassoc.classify.RelationModel.read(Path.of("../model-assets/src/main/models/gda-classifier/relation.json"))
                .threshold();
        assertThat(JobRunner.shippedConfig().get("associationThreshold").asDouble()).isEqualTo(chosen);
        assertThat(Double.parseDouble(Setting.ASSOCIATION_THRESHOLD.defaultValue())).as("the built-in default").isEqualTo(chosen);
    }
}
