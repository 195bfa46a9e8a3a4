package org.geneassoc.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.classify.SentencePairClassifier;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

/**
 * Features and scores of a text are the same however the texts are spread over partitions or ordered:
 * what training fits and evaluation reports cannot depend on it. Real GAD sentences; compared exactly.
 */
class PartitioningTest {
    private static Dataset<Row> sentences;
    private static ModelsFolder models;

    @BeforeAll
    static void sentences() throws Exception {
        SparkSession spark = SharedSpark.get();
        models = new ModelsFolder(SharedData.models());
        sentences = LabelledSentences.read(spark, SharedData.require("gad-blurb/dev.tsv")).limit(96).cache();
    }

    private static List<Dataset<Row>> layouts() {
        return List.of(sentences.repartition(1), sentences.repartition(5), sentences.orderBy(desc("sentence")).repartition(3));
    }

    @Test
    void encoderFeaturesDoNotDependOnPartitioningOrOrder() {
        List<Map<String, Vector>> runs = new ArrayList<>();
        for (Dataset<Row> layout : layouts()) {
            Map<String, Vector> bySentence = new HashMap<>();
            for (Row r : new EncoderFeaturizer().setEncoderPath(models.localPath(ModelsFolder.ENCODER).toString())
                    .setLayers(LayerRange.DEFAULT).setInputCol("sentence").setOutputCol("features").transform(layout)
                    .select("sentence", "features").collectAsList()) {
                bySentence.put(r.getAs("sentence"), r.getAs("features"));
            }
            runs.add(bySentence);
        }
        assertThat(runs.get(0)).hasSizeGreaterThan(50);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isEqualTo(runs.get(0));
    }

    @Test
    void classifierScoresDoNotDependOnPartitioningOrOrder() {
        List<Map<String, Float>> runs = new ArrayList<>();
        for (Dataset<Row> layout : layouts()) {
            Map<String, Float> bySentence = new HashMap<>();
            for (Row r : new SentencePairClassifier().setModelPath(models.classifier()).setPremiseCol("sentence")
                    .setOutputCol("prediction").transform(layout).select(col("sentence"), col("prediction.score").as("score"))
                    .collectAsList()) {
                bySentence.put(r.getAs("sentence"), r.getAs("score"));
            }
            runs.add(bySentence);
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isEqualTo(runs.get(0));
    }
}
