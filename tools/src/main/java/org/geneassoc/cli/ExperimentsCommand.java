package org.geneassoc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.training.AbstractScreenExperiment;
import org.geneassoc.evaluation.BinaryMetrics;
import org.geneassoc.training.Featurized;
import org.geneassoc.classify.FeatureSet;
import org.geneassoc.training.HeadTrainer;
import org.geneassoc.training.HeadVariant;
import org.geneassoc.classify.LinearHead;
import org.geneassoc.training.ModelWriter;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.encoder.OnnxEncoder;
import org.geneassoc.models.ModelsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code geneassoc experiments}: picks the encoder layers to read (the MARKERS head on each range of
 * {@link #LAYER_RANGES}, chosen by BLURB dev F1), then trains every {@link HeadVariant} on those layers, on
 * the BLURB split of GAD (L2 tuned on dev, scored on test) and in GAD's ten-fold cross-validation. It
 * writes the table to EVALUATION.md and the shipped model: the best variant of each feature set by
 * ten-fold mean F1, trained on BLURB train + dev (test stays held out, so {@code evaluate} on it is an
 * honest figure).
 */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = "Measure every classifier head variant on GAD, write EVALUATION.md and the shipped model.")
public final class ExperimentsCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/data", description = "Reference data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--report", defaultValue = "model-assets/EVALUATION.md", description = "Report to write (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--model-out", defaultValue = "model-assets/src/main/models/gda-classifier",
            description = "Where the shipped classifier heads and manifest go (default: ${DEFAULT-VALUE}).")
    Path modelOut;

    @Option(names = "--folds", defaultValue = "10", description = "How many GAD folds to run (default: ${DEFAULT-VALUE}).")
    int folds;

    @Mixin
    SparkOptions env;

    /** Encoder layers tried, the last layer alone first, then means reaching ever lower; ties go to the earlier. */
    static final List<LayerRange> LAYER_RANGES = List.of(new LayerRange(12, 12), new LayerRange(9, 12), new LayerRange(6, 12),
            LayerRange.DEFAULT, new LayerRange(1, 12));

    /** Hand-written notes below this line survive regeneration. */
    private static final String END_OF_FIGURES = "<!-- end of generated figures; notes below are kept -->";

    record Row2(HeadVariant variant, LayerRange layers, double reg, double threshold, BinaryMetrics dev, BinaryMetrics test, double[] foldF1) {
        double mean() {
            return java.util.Arrays.stream(foldF1).average().orElse(0);
        }

        double std() {
            double m = mean();
            return Math.sqrt(java.util.Arrays.stream(foldF1).map(f -> (f - m) * (f - m)).sum() / Math.max(1, foldF1.length - 1));
        }
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Path enc = env.models().localPath(ModelsFolder.ENCODER);
        SparkSession spark = env.session("geneassoc-experiments");
        Path blurb = data.resolve("gad-blurb");
        Dataset<Row> train = Featurized.read(spark, blurb.resolve("train.tsv"));
        Dataset<Row> dev = Featurized.read(spark, blurb.resolve("dev.tsv"));
        Dataset<Row> test = Featurized.read(spark, blurb.resolve("test.tsv"));
        List<Dataset<Row>> all = new ArrayList<>(List.of(train, dev, test));
        List<Dataset<Row>[]> foldSets = new ArrayList<>();
        for (int k = 1; k <= folds; k++) {
            @SuppressWarnings("unchecked")
            Dataset<Row>[] pair = new Dataset[] {Featurized.read(spark, data.resolve("gad/" + k + "/train.tsv")),
                    Featurized.read(spark, data.resolve("gad/" + k + "/test.tsv"))};
            foldSets.add(pair);
            all.add(pair[0]);
            all.add(pair[1]);
        }
        int hidden = OnnxEncoder.shared(enc, 1).hiddenSize();
        HeadTrainer trainer = new HeadTrainer(hidden, Featurized.LEXICAL_BITS);
        Splits splits = new Splits(train, dev, test, foldSets);
        List<Row2> layerRows = new ArrayList<>();
        Featurized f = null;
        Row2 chosen = null;
        long encoded = 0;
        for (LayerRange layers : LAYER_RANGES) {
            long t1 = System.nanoTime();
            Featurized candidate = new Featurized(spark, enc, layers, all);
            encoded = candidate.count();
            System.err.printf("layers %s: encoded %d distinct sentences in %.0f s%n", layers, encoded, (System.nanoTime() - t1) / 1e9);
            Row2 r = measure(trainer, candidate, layers, HeadVariant.MARKERS, splits);
            layerRows.add(r);
            if (chosen == null || r.dev().f1() > chosen.dev().f1()) {
                if (f != null) {
                    f.unpersist();
                }
                f = candidate;
                chosen = r;
            } else {
                candidate.unpersist();
            }
        }
        LayerRange layers = chosen.layers();
        List<Row2> rows = new ArrayList<>();
        for (HeadVariant v : HeadVariant.values()) {
            rows.add(v == chosen.variant() ? chosen : measure(trainer, f, layers, v, splits));
        }
        double encodeSeconds = (System.nanoTime() - t0) / 1e9;
        Map<FeatureSet, Row2> best = new EnumMap<>(FeatureSet.class);
        for (Row2 r : rows) {
            best.merge(r.variant().featureSet(), r, (a, b) -> b.mean() > a.mean() ? b : a);
        }
        AbstractScreenExperiment.Result screen = AbstractScreenExperiment.run(spark, enc, layers, data.resolve("biored"), trainer);
        System.err.printf("abstract screen %s reg=%.0e BioRED dev F1=%.4f MCC=%.4f%n", screen.variant(), screen.reg(),
                screen.dev().f1(), screen.dev().mcc());
        Dataset<Row> trainDev = f.of(train.union(dev));
        Map<FeatureSet, LinearHead> heads = new EnumMap<>(FeatureSet.class);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Map.Entry<FeatureSet, Row2> e : best.entrySet()) {
            Row2 r = e.getValue();
            heads.put(e.getKey(), trainer.head(trainer.fit(trainDev, r.variant(), r.reg()).withThreshold(r.threshold())));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", r.variant().name());
            m.put("regParam", r.reg());
            m.put("threshold", r.threshold());
            m.put("blurbTest", r.test().asMap());
            m.put("tenFoldF1Mean", round(r.mean()));
            m.put("tenFoldF1Std", round(r.std()));
            metrics.put(e.getKey().name(), m);
        }
        heads.put(FeatureSet.ABSTRACT, screen.head());
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("variant", screen.variant().name());
        sm.put("regParam", screen.reg());
        sm.put("layers", screen.head().layers().toString());
        sm.put("bioredDev", screen.dev().asMap());
        metrics.put(FeatureSet.ABSTRACT.name(), sm);
        ModelWriter.write(modelOut, heads, layers, Featurized.LEXICAL_BITS, "../" + ModelsFolder.ENCODER, null,
                List.of("gad-blurb/train.tsv", "gad-blurb/dev.tsv", "biored/Train.PubTator (abstract head)"), metrics, 42);
        writeReport(layers, layerRows, rows, best, screen, encoded, (System.nanoTime() - t0) / 1e9);
        System.out.println("Report written to " + report + "; model to " + modelOut + " (GAD-only MARKED head, no relation model: "
                + "run sentence-head --ship, then train-relations)");
        return 0;
    }

    record Splits(Dataset<Row> train, Dataset<Row> dev, Dataset<Row> test, List<Dataset<Row>[]> folds) {
    }

    /** One variant on one layer range: L2 and threshold tuned on BLURB dev, scored on BLURB test and in the folds. */
    private Row2 measure(HeadTrainer trainer, Featurized f, LayerRange layers, HeadVariant v, Splits s) {
        Dataset<Row> trainF = f.of(s.train()).cache();
        Dataset<Row> devF = f.of(s.dev()).cache();
        HeadTrainer.Fitted tuned = trainer.fitTuned(trainF, devF, v);
        BinaryMetrics devM = trainer.evaluate(tuned, devF);
        BinaryMetrics testM = trainer.evaluate(tuned, f.of(s.test()));
        double[] foldF1 = new double[s.folds().size()];
        for (int k = 0; k < foldF1.length; k++) {
            HeadTrainer.Fitted fk = trainer.fit(f.of(s.folds().get(k)[0]), v, tuned.regParam()).withThreshold(tuned.threshold());
            foldF1[k] = trainer.evaluate(fk, f.of(s.folds().get(k)[1])).f1();
        }
        trainF.unpersist();
        devF.unpersist();
        Row2 r = new Row2(v, layers, tuned.regParam(), tuned.threshold(), devM, testM, foldF1);
        System.err.printf("%-18s layers %-5s reg=%.0e dev F1=%.4f test F1=%.4f MCC=%.4f %d-fold F1=%.4f±%.4f%n", v, layers, r.reg(),
                devM.f1(), testM.f1(), testM.mcc(), foldF1.length, r.mean(), r.std());
        return r;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private void table(StringBuilder s, List<Row2> rows) {
        s.append("| variant | features | layers | L2 | threshold | BLURB dev F1 | BLURB test P | R | F1 | MCC | ").append(folds)
                .append("-fold F1 mean ± sd |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row2 r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0e | %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f ± %.4f |%n",
                    r.variant(), r.variant().description(), r.layers(), r.reg(), r.threshold(), r.dev().f1(), r.test().precision(),
                    r.test().recall(), r.test().f1(), r.test().mcc(), r.mean(), r.std()));
        }
    }

    private void writeReport(LayerRange layers, List<Row2> layerRows, List<Row2> rows, Map<FeatureSet, Row2> best, AbstractScreenExperiment.Result screen,
                             long encoded, double seconds) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("# Classifier evaluation\n\n");
        s.append("Regenerate (about ").append(Math.round(seconds / 60)).append(" minutes on 2 cores; also rewrites the shipped heads):\n\n");
        s.append("```\nmvn -B -q install -DskipTests && bin/geneassoc experiments --data ../shared/data\n```\n\n");
        s.append("Encoder: ").append(ModelWriter.ENCODER_NAME).append(", frozen; features are pooled from the mean of a range of its ")
                .append("layers' token states. Heads: L2 logistic regression in Spark ML, ")
                .append("strength and decision threshold picked for F1 on BLURB dev (L2 from ").append(HeadTrainer.REG_GRID)
                .append(", threshold 0.20–0.80) and reused for the folds. F1, precision, recall and MCC of the positive class. ")
                .append(encoded).append(" distinct sentences, each encoded once per layer range.\n\n");
        s.append("### Which encoder layers (MARKERS head; the range with the best BLURB dev F1 is used below)\n\n");
        table(s, layerRows);
        s.append("\n### Head variants on layers ").append(layers).append("\n\n");
        table(s, rows);
        s.append("\nShipped (best ").append(folds).append("-fold mean per feature set, trained on BLURB train + dev): ");
        best.forEach((set, r) -> s.append(set).append(" premises → ").append(r.variant()).append("; "));
        s.append("\n\n## Abstract screen head\n\n");
        s.append(String.format(Locale.ROOT, "Premise = a whole abstract. Trained on BioRED Train (%d abstracts, %d with a "
                + "gene–disease relation); it reads encoder layer %s, BGE's passage embedding; variant and L2 picked on a fifth of Train: %s, L2 %.0e. "
                + "BioRED Dev (100 abstracts): P %.4f, R %.4f, F1 %.4f, MCC %.4f at its decision threshold %.2f.%n",
                screen.trainSize(), screen.positives(), screen.head().layers(), screen.variant(), screen.reg(), screen.dev().precision(),
                screen.dev().recall(), screen.dev().f1(), screen.dev().mcc(), screen.head().threshold()));
        s.append("\nThe same procedure on the last layer (shipped) and on the sentence heads' layers:\n");
        s.append("\n| layers | BioRED Dev P | R | F1 | MCC |\n|---|---|---|---|---|\n");
        screen.devByLayers().forEach((range, m) -> s.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |%n",
                range, m.precision(), m.recall(), m.f1(), m.mcc())));
        s.append("\n").append(END_OF_FIGURES).append("\n");
        Files.createDirectories(report.toAbsolutePath().getParent());
        String existing = Files.exists(report) ? Files.readString(report) : "";
        int notes = existing.indexOf(END_OF_FIGURES);
        Files.writeString(report, s + (notes >= 0 ? existing.substring(notes + END_OF_FIGURES.length() + 1) : ""), StandardCharsets.UTF_8);
    }
}
