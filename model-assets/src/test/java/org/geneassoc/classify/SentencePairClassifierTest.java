package org.geneassoc.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.testing.SharedData;
import org.geneassoc.training.ModelWriter;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentencePairClassifierTest {
    // Real GAD sentences (gad-blurb/test.tsv), labels 1 and 0.
    static final String POSITIVE = "Although further replication studies are necessary to test the validity of the described "
            + "genotype-phenotype relationship, our study supports the hypothesis that @GENE$ 121Q predicts genetic "
            + "susceptibility to @DISEASE$ in both South Asians and Caucasians.";
    static final String NEGATIVE = "@GENE$ gene RFLPs is related to TCM @DISEASE$ Differentiation typing.";
    static final StructType SCHEMA = new StructType().add("premise", DataTypes.StringType);

    private static SparkSession spark;
    private static String model;

    @BeforeAll
    static void setUp() {
        spark = SharedSpark.get();
        model = SharedData.models() + "/gda-classifier";
    }

    private static SentencePairClassifier classifier() {
        return new SentencePairClassifier().setModelPath(model).setHypothesis(ModelWriter.HYPOTHESIS)
                .setPremiseCol("premise").setOutputCol("prediction");
    }

    private static Dataset<Row> premises(String... texts) {
        return spark.createDataFrame(java.util.Arrays.stream(texts).map(t -> RowFactory.create(t)).toList(), SCHEMA);
    }

    private static float[] scores(Dataset<Row> scored) {
        List<Row> rows = scored.select("prediction.score").collectAsList();
        float[] s = new float[rows.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = rows.get(i).getFloat(0);
        }
        return s;
    }

    @Test
    void scoresRealGadSentencesOnTheRightSideOfOneHalf() {
        List<Row> rows = classifier().transform(premises(POSITIVE, NEGATIVE)).select("prediction.label", "prediction.score").collectAsList();
        assertThat(rows.get(0).getString(0)).isEqualTo(SentencePairClassifier.ENTAILMENT);
        assertThat(rows.get(0).getFloat(1)).isGreaterThan(0.5f).isLessThanOrEqualTo(1f);
        assertThat(rows.get(1).getString(0)).isEqualTo(SentencePairClassifier.NOT_ENTAILMENT);
        assertThat(rows.get(1).getFloat(1)).isLessThan(0.5f).isGreaterThanOrEqualTo(0f);
    }

    @Test
    void nullPremiseGetsNullPrediction() {
        Dataset<Row> in = spark.createDataFrame(List.of(RowFactory.create((String) null), RowFactory.create(POSITIVE)), SCHEMA);
        List<Row> rows = classifier().transform(in).collectAsList();
        assertThat(rows.get(0).isNullAt(1)).isTrue();
        assertThat(rows.get(1).getStruct(1).getFloat(1)).isGreaterThan(0.5f);
    }

    @Test
    void savesAndLoadsInsideAPipelineWithIdenticalScores(@TempDir Path dir) throws Exception {
        Dataset<Row> in = premises(POSITIVE, NEGATIVE, "BRCA1 mutations cause hereditary breast cancer.");
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {classifier()}).fit(in);
        float[] before = scores(fitted.transform(in));
        fitted.write().overwrite().save(dir.resolve("pipeline").toString());
        PipelineModel loaded = PipelineModel.load(dir.resolve("pipeline").toString());
        assertThat(scores(loaded.transform(in))).containsExactly(before);

        classifier().write().overwrite().save(dir.resolve("stage").toString());
        SentencePairClassifier stage = SentencePairClassifier.load(dir.resolve("stage").toString());
        assertThat(stage.getOrDefault(stage.modelPath())).isEqualTo(model);
        assertThat(scores(stage.transform(in))).containsExactly(before);
    }

    @Test
    void perRowHypothesisColumnIsCheckedAgainstTheManifest() {
        StructType schema = SCHEMA.add("hypothesis", DataTypes.StringType);
        Dataset<Row> ok = spark.createDataFrame(List.of(RowFactory.create(POSITIVE, "This example is a gene-disease association.")), schema);
        SentencePairClassifier c = classifier().setHypothesisCol("hypothesis");
        assertThat(scores(c.transform(ok))[0]).isGreaterThan(0.5f);
        Dataset<Row> bad = spark.createDataFrame(List.of(RowFactory.create(POSITIVE, "This example is about a drug.")), schema);
        assertThatThrownBy(() -> c.transform(bad).collectAsList()).hasStackTraceContaining("was trained for the hypothesis");
    }

    @Test
    void refusesAHypothesisTheHeadWasNotTrainedFor() {
        assertThatThrownBy(() -> classifier().setHypothesis("This example is a drug-drug interaction.").transform(premises(POSITIVE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was trained for the hypothesis")
                .hasMessageContaining("drug-drug interaction");
    }

    @Test
    void missingModelFolderFailsNamingThePath(@TempDir Path dir) {
        String missing = dir.resolve("no-such-model").toString();
        assertThatThrownBy(() -> classifier().setModelPath(missing).transform(premises(POSITIVE)))
                .hasMessageContaining(missing).hasMessageContaining("does not exist");
    }

    @Test
    void corruptManifestFailsNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ModelManifest.FILE), "{ \"name\": ");
        assertThatThrownBy(() -> classifier().setModelPath(dir.toString()).transform(premises(POSITIVE)))
                .hasMessageContaining(dir.resolve(ModelManifest.FILE).toString());
    }

    @Test
    void theShippedModelReadsTheLayersItWasTrainedOn() throws Exception {
        ModelManifest m = ModelManifest.read(Path.of(model));
        assertThat(m.encoder().layers()).isEqualTo(org.geneassoc.encoder.LayerRange.DEFAULT);
    }

    @Test
    void aManifestAskingForLayersTheEncoderLacksFailsNamingTheModel(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("gda-classifier");
        Files.createDirectories(copy);
        for (String f : List.of("head-marked.json", "head-plain.json", "head-abstract.json")) {
            Files.copy(Path.of(model, f), copy.resolve(f));
        }
        String manifest = Files.readString(Path.of(model, ModelManifest.FILE))
                .replaceFirst("\"layers\" : \"[0-9-]+\"", "\"layers\" : \"3-24\"")
                .replace("\"../encoder\"", "\"" + Path.of(model).resolveSibling("encoder").toString().replace("\\", "/") + "\"");
        Files.writeString(copy.resolve(ModelManifest.FILE), manifest);
        assertThatThrownBy(() -> classifier().setModelPath(copy.toString()).transform(premises(POSITIVE)))
                .hasMessageContaining(copy.toString()).hasMessageContaining("layers 3-24").hasMessageContaining("1..12");
    }

    @Test
    void corruptHeadFailsNamingTheFile(@TempDir Path dir) throws Exception {
        Path src = Path.of(model);
        for (String f : List.of(ModelManifest.FILE, "head-plain.json", "head-abstract.json")) {
            Files.copy(src.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("head-marked.json"), "not json");
        assertThatThrownBy(() -> classifier().setModelPath(dir.toString()).transform(premises(POSITIVE)))
                .hasMessageContaining(dir.resolve("head-marked.json").toString());
    }
}
