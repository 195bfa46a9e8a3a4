package org.geneassoc.training;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.geneassoc.training.EncoderFeaturizer;
import org.geneassoc.training.LabelledSentences;
import org.geneassoc.encoder.LayerRange;

import static org.apache.spark.sql.functions.col;

/**
 * Labelled sets joined to their encoder features. Each distinct sentence is encoded once however many
 * splits and folds it appears in, which is what makes ten-fold cross-validation affordable on a CPU.
 */
public final class Featurized {
    public static final int LEXICAL_BITS = 14;

    private final Dataset<Row> features;

    public Featurized(SparkSession spark, Path encoder, LayerRange layers, List<Dataset<Row>> sets) {
        Dataset<Row> sentences = sets.stream().map(d -> d.select("sentence")).reduce(Dataset::union).orElseThrow().distinct();
        this.features = new EncoderFeaturizer().setEncoderPath(encoder.toString()).setLayers(layers).setLexicalBits(LEXICAL_BITS)
                .setInputCol("sentence").setOutputCol("features")
                // Each sentence is encoded alone, so its features do not depend on how the sentences are spread.
                .transform(sentences.repartition(spark.sparkContext().defaultParallelism(), col("sentence")))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    public void unpersist() {
        features.unpersist();
    }

    public long count() {
        return features.count();
    }

    /**
     * The set with a {@code features} column in one sorted partition: L-BFGS sums gradients over
     * partitions in the order tasks finish, which would make training differ in the last digits.
     */
    public Dataset<Row> of(Dataset<Row> labelled) {
        return labelled.join(features, "sentence").repartition(1).sortWithinPartitions("sentence", "label");
    }

    public static Dataset<Row> read(SparkSession spark, Path file) {
        try {
            return LabelledSentences.read(spark, file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
