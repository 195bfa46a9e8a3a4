package org.geneassoc.training;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.geneassoc.classify.EncoderFeaturizer;
import org.geneassoc.classify.LabelledSentences;

import static org.apache.spark.sql.functions.col;

/**
 * Labelled sets joined to their encoder features. Each distinct sentence is encoded once however many
 * splits and folds it appears in, which is what makes ten-fold cross-validation affordable on a CPU.
 */
final class Featurized {
    static final int LEXICAL_BITS = 14;

    private final SparkSession spark;
    private final Dataset<Row> features;

    Featurized(SparkSession spark, Path encoder, List<Dataset<Row>> sets) {
        this.spark = spark;
        Dataset<Row> sentences = sets.stream().map(d -> d.select("sentence")).reduce(Dataset::union).orElseThrow().distinct();
        this.features = new EncoderFeaturizer().setEncoderPath(encoder.toString()).setLexicalBits(LEXICAL_BITS)
                .setInputCol("sentence").setOutputCol("features")
                .transform(sentences.repartition(spark.sparkContext().defaultParallelism(), col("sentence")))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    long count() {
        return features.count();
    }

    /** The set with a {@code features} column, partitioned and ordered the same way every run. */
    Dataset<Row> of(Dataset<Row> labelled) {
        return labelled.join(features, "sentence")
                .repartition(spark.sparkContext().defaultParallelism(), col("sentence"))
                .sortWithinPartitions("sentence", "label");
    }

    static Dataset<Row> read(SparkSession spark, Path file) {
        try {
            return LabelledSentences.read(spark, file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
