package org.geneassoc.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.evaluation.BinaryMetrics;
import org.geneassoc.classify.FeatureSet;
import org.geneassoc.training.HeadTrainer;
import org.geneassoc.training.HeadVariant;
import org.geneassoc.training.LabelledSentences;
import org.geneassoc.classify.LinearHead;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.encoder.OnnxEncoder;
import org.geneassoc.evaluation.PubTator;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.crc32;
import static org.apache.spark.sql.functions.pmod;

/**
 * The abstract screen's head. GAD labels sentences with masked entities; an abstract is another kind
 * of premise, so its head learns from BioRED: an abstract is positive when BioRED relates a gene to a
 * disease in it. The screen reads the encoder's last layer, the one BGE's training shaped into a
 * passage embedding; variant and strength are chosen on a fifth of Train, and Dev is only measured.
 * For the record the same procedure also runs on the layers the sentence heads read.
 */
public final class AbstractScreenExperiment {
    /** The shipped head and the Dev figures of each layer choice (the shipped one first). */
    public record Result(LinearHead head, HeadVariant variant, double reg, BinaryMetrics dev, Map<LayerRange, BinaryMetrics> devByLayers,
                  long trainSize, long positives) {
    }

    private record Fit(LinearHead head, HeadVariant variant, double reg, BinaryMetrics dev) {
    }

    private AbstractScreenExperiment() {
    }

    public static Result run(SparkSession spark, Path encoder, LayerRange sentenceLayers, Path biored, HeadTrainer trainer) throws IOException {
        Dataset<Row> train = abstracts(spark, biored.resolve("Train.PubTator"));
        Dataset<Row> dev = abstracts(spark, biored.resolve("Dev.PubTator"));
        int last = OnnxEncoder.shared(encoder, 1).layerCount();
        LayerRange screenLayers = new LayerRange(last, last);
        Fit shipped = fit(spark, encoder, screenLayers, train, dev, trainer);
        Map<LayerRange, BinaryMetrics> devByLayers = new LinkedHashMap<>();
        devByLayers.put(screenLayers, shipped.dev());
        if (!sentenceLayers.equals(screenLayers)) {
            devByLayers.put(sentenceLayers, fit(spark, encoder, sentenceLayers, train, dev, trainer).dev());
        }
        return new Result(shipped.head(), shipped.variant(), shipped.reg(), shipped.dev(), devByLayers, train.count(),
                train.filter(col("label").equalTo(1.0)).count());
    }

    private static Fit fit(SparkSession spark, Path encoder, LayerRange layers, Dataset<Row> train, Dataset<Row> dev,
                           HeadTrainer trainer) {
        Featurized f = new Featurized(spark, encoder, layers, List.of(train, dev));
        Dataset<Row> trainF = f.of(train).cache();
        Dataset<Row> fit = trainF.filter(pmod(crc32(col("sentence")), org.apache.spark.sql.functions.lit(5)).notEqual(0));
        Dataset<Row> val = trainF.filter(pmod(crc32(col("sentence")), org.apache.spark.sql.functions.lit(5)).equalTo(0));
        HeadTrainer.Fitted best = null;
        double bestF1 = -1;
        for (HeadVariant v : List.of(HeadVariant.CLS, HeadVariant.CLS_MEAN)) {
            HeadTrainer.Fitted tuned = trainer.fitTuned(fit, val, v);
            double f1 = trainer.evaluate(tuned, val).f1();
            if (f1 > bestF1) {
                best = tuned;
                bestF1 = f1;
            }
        }
        HeadTrainer.Fitted all = trainer.fit(trainF, best.variant(), best.regParam()).withThreshold(best.threshold());
        BinaryMetrics devM = trainer.evaluate(all, f.of(dev));
        LinearHead head = trainer.head(all).as(FeatureSet.ABSTRACT, layers);
        trainF.unpersist();
        f.unpersist();
        return new Fit(head, best.variant(), best.regParam(), devM);
    }

    private static Dataset<Row> abstracts(SparkSession spark, Path pubtator) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (PubTator.Document d : PubTator.read(pubtator)) {
            rows.add(RowFactory.create(d.abstractText(), d.geneDiseasePairs().isEmpty() ? 0.0 : 1.0));
        }
        return spark.createDataFrame(rows, LabelledSentences.SCHEMA);
    }
}
