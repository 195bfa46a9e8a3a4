package org.geneassoc.training;

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
import org.geneassoc.classify.BinaryMetrics;
import org.geneassoc.classify.FeatureSet;
import org.geneassoc.classify.HeadTrainer;
import org.geneassoc.classify.HeadVariant;
import org.geneassoc.classify.LinearHead;
import org.geneassoc.classify.ModelWriter;
import org.geneassoc.encoder.OnnxEncoder;
import org.geneassoc.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code geneassoc experiments}: trains every {@link HeadVariant} on the BLURB split of GAD (L2 tuned on
 * dev, scored on test) and in GAD's ten-fold cross-validation, writes the table to EVALUATION.md, and
 * writes the shipped model: the best variant of each feature set by ten-fold mean F1, trained on BLURB
 * train + dev (test stays held out, so {@code evaluate} on it is an honest figure).
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

    @Option(names = "--encoder", description = "Encoder folder (default: the one the build assembled).")
    Path encoder;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    /** Hand-written notes below this line survive regeneration. */
    private static final String END_OF_FIGURES = "<!-- end of generated figures; notes below are kept -->";

    record Row2(HeadVariant variant, double reg, double threshold, BinaryMetrics dev, BinaryMetrics test, double[] foldF1) {
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
        Path enc = encoder != null ? encoder : ModelLocations.encoder();
        SparkSession spark = Sessions.getOrCreate("geneassoc-experiments", master);
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
        Featurized f = new Featurized(spark, enc, all);
        long encoded = f.count();
        double encodeSeconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf("encoded %d distinct sentences in %.0f s%n", encoded, encodeSeconds);
        int hidden = OnnxEncoder.shared(enc, 1).hiddenSize();
        HeadTrainer trainer = new HeadTrainer(hidden, Featurized.LEXICAL_BITS);
        Dataset<Row> trainF = f.of(train).cache();
        Dataset<Row> devF = f.of(dev).cache();
        Dataset<Row> testF = f.of(test).cache();
        List<Row2> rows = new ArrayList<>();
        for (HeadVariant v : HeadVariant.values()) {
            HeadTrainer.Fitted tuned = trainer.fitTuned(trainF, devF, v);
            BinaryMetrics devM = trainer.evaluate(tuned, devF);
            BinaryMetrics testM = trainer.evaluate(tuned, testF);
            double[] foldF1 = new double[folds];
            for (int k = 0; k < folds; k++) {
                HeadTrainer.Fitted fk = trainer.fit(f.of(foldSets.get(k)[0]), v, tuned.regParam()).withThreshold(tuned.threshold());
                foldF1[k] = trainer.evaluate(fk, f.of(foldSets.get(k)[1])).f1();
            }
            Row2 r = new Row2(v, tuned.regParam(), tuned.threshold(), devM, testM, foldF1);
            rows.add(r);
            System.err.printf("%-18s reg=%.0e dev F1=%.4f test F1=%.4f MCC=%.4f 10-fold F1=%.4f±%.4f%n", v, r.reg(),
                    devM.f1(), testM.f1(), testM.mcc(), r.mean(), r.std());
        }
        Map<FeatureSet, Row2> best = new EnumMap<>(FeatureSet.class);
        for (Row2 r : rows) {
            best.merge(r.variant().featureSet(), r, (a, b) -> b.mean() > a.mean() ? b : a);
        }
        AbstractScreenExperiment.Result screen = AbstractScreenExperiment.run(spark, enc, data.resolve("biored"), trainer);
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
        sm.put("bioredDev", screen.dev().asMap());
        metrics.put(FeatureSet.ABSTRACT.name(), sm);
        ModelWriter.write(modelOut, heads, Featurized.LEXICAL_BITS, "../" + ModelLocations.ENCODER, null,
                List.of("gad-blurb/train.tsv", "gad-blurb/dev.tsv", "biored/Train.PubTator (abstract head)"), metrics, 42);
        writeReport(rows, best, screen, encoded, encodeSeconds, (System.nanoTime() - t0) / 1e9);
        System.out.println("Report written to " + report + "; model to " + modelOut);
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private void writeReport(List<Row2> rows, Map<FeatureSet, Row2> best, AbstractScreenExperiment.Result screen, long encoded,
                             double encodeSeconds, double seconds) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("# Classifier evaluation\n\n");
        s.append("Regenerate (about ").append(Math.round(seconds / 60)).append(" minutes on 2 cores; also rewrites the shipped heads):\n\n");
        s.append("```\nmvn -B -q install -DskipTests && bin/geneassoc experiments --data ../shared/data\n```\n\n");
        s.append("Encoder: ").append(ModelWriter.ENCODER_NAME).append(", frozen; heads: L2 logistic regression in Spark ML, ")
                .append("strength and decision threshold picked for F1 on BLURB dev (L2 from ").append(HeadTrainer.REG_GRID)
                .append(", threshold 0.20–0.80) and reused for the folds. F1, precision, recall and MCC of the positive class. ")
                .append(encoded).append(" distinct sentences encoded once in ").append(Math.round(encodeSeconds)).append(" s.\n\n");
        s.append("| variant | features | L2 | threshold | BLURB dev F1 | BLURB test P | R | F1 | MCC | ").append(folds).append("-fold F1 mean ± sd |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row2 r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %.0e | %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f ± %.4f |%n",
                    r.variant(), r.variant().description(), r.reg(), r.threshold(), r.dev().f1(), r.test().precision(), r.test().recall(),
                    r.test().f1(), r.test().mcc(), r.mean(), r.std()));
        }
        s.append("\nShipped (best ").append(folds).append("-fold mean per feature set, trained on BLURB train + dev): ");
        best.forEach((set, r) -> s.append(set).append(" premises → ").append(r.variant()).append("; "));
        s.append("\n\n## Abstract screen head\n\n");
        s.append(String.format(Locale.ROOT, "Premise = a whole abstract. Trained on BioRED Train (%d abstracts, %d with a "
                + "gene–disease relation), variant and L2 picked on a fifth of Train: %s, L2 %.0e. "
                + "BioRED Dev (100 abstracts): P %.4f, R %.4f, F1 %.4f, MCC %.4f at its decision threshold %.2f.%n",
                screen.trainSize(), screen.positives(), screen.variant(), screen.reg(), screen.dev().precision(),
                screen.dev().recall(), screen.dev().f1(), screen.dev().mcc(), screen.head().threshold()));
        s.append("\n").append(END_OF_FIGURES).append("\n");
        Files.createDirectories(report.toAbsolutePath().getParent());
        String existing = Files.exists(report) ? Files.readString(report) : "";
        int notes = existing.indexOf(END_OF_FIGURES);
        Files.writeString(report, s + (notes >= 0 ? existing.substring(notes + END_OF_FIGURES.length() + 1) : ""), StandardCharsets.UTF_8);
    }
}
