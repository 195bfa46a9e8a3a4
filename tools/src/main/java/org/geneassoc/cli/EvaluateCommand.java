package org.geneassoc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.evaluation.BinaryMetrics;
import org.geneassoc.training.LabelledSentences;
import org.geneassoc.classify.SentencePairClassifier;
import org.geneassoc.models.ModelsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code geneassoc evaluate}: scores a labelled file with a model and prints its figures. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a labelled sentence<TAB>label file with a classifier and print precision, recall and F1 of the "
                + "positive class, accuracy and MCC; the last two lines are MCC=<value> and F1=<value>.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Classifier model folder (default: " + ModelsFolder.CLASSIFIER + "/ of --models).")
    String model;

    @Option(names = "--data", required = true, description = "Labelled data: sentence<TAB>label, with or without index column and header.")
    Path data;

    @Mixin
    SparkOptions env;

    @Override
    public Integer call() throws Exception {
        String location = model != null ? model : env.models().classifier();
        SparkSession spark = env.session("geneassoc-evaluate");
        BinaryMetrics m = evaluate(spark, location, LabelledSentences.read(spark, data));
        System.out.printf("model      %s%ndata       %s (%d sentences)%n", location, data, m.total());
        System.out.printf("precision  %.4f%nrecall     %.4f%nf1         %.4f%naccuracy   %.4f%nmcc        %.4f%n",
                m.precision(), m.recall(), m.f1(), m.accuracy(), m.mcc());
        System.out.printf("confusion  tp=%d fp=%d tn=%d fn=%d%n", m.tp(), m.fp(), m.tn(), m.fn());
        System.out.printf("MCC=%.4f%nF1=%.4f%n", m.mcc(), m.f1());
        return 0;
    }

    /** Labels through the Spark stage the job uses (each head's decision threshold), so what is measured is what runs. */
    public static BinaryMetrics evaluate(SparkSession spark, String modelLocation, Dataset<Row> labelled) {
        List<Row> rows = new SentencePairClassifier().setModelPath(modelLocation)
                .setPremiseCol("sentence").setOutputCol("prediction")
                .transform(labelled).selectExpr("label", "prediction.label AS predicted").collectAsList();
        double[] labels = new double[rows.size()];
        double[] predicted = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            labels[i] = rows.get(i).<Double>getAs("label");
            predicted[i] = rows.get(i).<String>getAs("predicted").equals(SentencePairClassifier.ENTAILMENT) ? 1 : 0;
        }
        return BinaryMetrics.of(labels, predicted, 0.5);
    }
}
