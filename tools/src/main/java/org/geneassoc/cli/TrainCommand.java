package org.geneassoc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.evaluation.BinaryMetrics;
import org.geneassoc.training.Featurized;
import org.geneassoc.classify.FeatureSet;
import org.geneassoc.training.HeadTrainer;
import org.geneassoc.training.HeadVariant;
import org.geneassoc.classify.LinearHead;
import org.geneassoc.training.ModelWriter;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.models.ModelsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code geneassoc train}: fits the classifier heads on labelled sentences and writes a model folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the sentence-pair classifier heads on sentence<TAB>label files and write a model folder.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "Training data: sentence<TAB>label, with or without an index column and header.")
    Path train;

    @Option(names = "--dev", description = "Development data in the same format; picks the L2 strength. Without it: --reg.")
    Path dev;

    @Option(names = "--out", required = true, description = "Output model folder (created; the encoder is copied into it).")
    Path out;

    @Option(names = "--variant", defaultValue = "MARKERS", description = "Head variant for marked premises: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    HeadVariant variant;

    @Option(names = "--plain-variant", defaultValue = "CLS_MEAN", description = "Head variant for premises without both markers (default: ${DEFAULT-VALUE}).")
    HeadVariant plainVariant;

    @Option(names = "--reg", defaultValue = "0.01", description = "L2 strength when no --dev is given (default: ${DEFAULT-VALUE}).")
    double reg;

    @Option(names = "--layers", defaultValue = LayerRange.DEFAULT_TEXT,
            description = "Encoder layers whose token states are averaged, first-last (default: ${DEFAULT-VALUE}, the range `experiments` picks).")
    String layers;

    @Option(names = "--seed", defaultValue = "42", description = "Recorded in the manifest; training has no random step (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    SparkOptions env;

    @Override
    public Integer call() throws Exception {
        if (variant.featureSet() != FeatureSet.MARKED || plainVariant.featureSet() != FeatureSet.PLAIN) {
            throw new IllegalArgumentException("--variant must be a MARKED variant and --plain-variant a PLAIN one");
        }
        LayerRange layerRange = LayerRange.parse(layers);
        Path enc = env.models().localPath(ModelsFolder.ENCODER);
        SparkSession spark = env.session("geneassoc-train");
        Dataset<Row> trainSet = Featurized.read(spark, train);
        Dataset<Row> devSet = dev == null ? null : Featurized.read(spark, dev);
        List<Dataset<Row>> sets = new ArrayList<>(List.of(trainSet));
        if (devSet != null) {
            sets.add(devSet);
        }
        Featurized featurized = new Featurized(spark, enc, layerRange, sets);
        System.err.printf("encoded %d distinct sentences%n", featurized.count());
        int hidden = org.geneassoc.encoder.OnnxEncoder.shared(enc, 1).hiddenSize();
        HeadTrainer trainer = new HeadTrainer(hidden, Featurized.LEXICAL_BITS);
        Map<FeatureSet, LinearHead> heads = new EnumMap<>(FeatureSet.class);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (HeadVariant v : List.of(variant, plainVariant)) {
            HeadTrainer.Fitted fitted = devSet == null
                    ? trainer.fit(featurized.of(trainSet), v, reg)
                    : trainer.fitTuned(featurized.of(trainSet), featurized.of(devSet), v);
            heads.put(v.featureSet(), trainer.head(fitted));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", v.name());
            m.put("regParam", fitted.regParam());
            if (devSet != null) {
                BinaryMetrics dm = trainer.evaluate(fitted, featurized.of(devSet));
                m.put("dev", dm.asMap());
                System.err.printf("%s: dev F1=%.4f MCC=%.4f (reg %.0e)%n", v, dm.f1(), dm.mcc(), fitted.regParam());
            }
            metrics.put(v.featureSet().name(), m);
        }
        List<String> data = new ArrayList<>(List.of(train.toString()));
        if (dev != null) {
            data.add(dev.toString());
        }
        ModelWriter.write(out, heads, layerRange, Featurized.LEXICAL_BITS, ModelsFolder.ENCODER, enc, data, metrics, seed);
        System.out.println("Model written to " + out.toAbsolutePath());
        return 0;
    }
}
