package org.geneassoc.training;

import org.geneassoc.evaluation.BinaryMetrics;
import org.geneassoc.classify.LinearHead;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains a head for one {@link HeadVariant} on a featurized data set (columns {@code features},
 * {@code label}): a Spark ML pipeline of a {@link VectorSlicer} and an L2 logistic regression.
 * L-BFGS on a fixed partitioning has no randomness, so a run repeats exactly.
 */
public final class HeadTrainer {
    /** L2 strengths tried on the development set when one is given. */
    public static final List<Double> REG_GRID = List.of(1e-3, 3e-3, 1e-2, 3e-2, 1e-1);

    private final int hidden;
    private final int lexicalBits;

    public HeadTrainer(int hidden, int lexicalBits) {
        this.hidden = hidden;
        this.lexicalBits = lexicalBits;
    }

    /** Decision thresholds tried on the development set. */
    static final double[] THRESHOLDS = java.util.stream.IntStream.rangeClosed(4, 16).mapToDouble(i -> i * 0.05).toArray();

    public record Fitted(HeadVariant variant, double regParam, double threshold, PipelineModel pipeline) {
        public Fitted withThreshold(double t) {
            return new Fitted(variant, regParam, t, pipeline);
        }
    }

    public Fitted fit(Dataset<Row> train, HeadVariant variant, double regParam) {
        VectorSlicer slicer = new VectorSlicer().setInputCol("features").setOutputCol("x")
                .setIndices(variant.indices(hidden, lexicalBits));
        LogisticRegression lr = new LogisticRegression().setFeaturesCol("x").setLabelCol("label")
                .setRegParam(regParam).setElasticNetParam(0.0).setMaxIter(300).setTol(1e-7);
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {slicer, lr}).fit(train);
        return new Fitted(variant, regParam, 0.5, model);
    }

    /** The strength from {@link #REG_GRID} and decision threshold with the best development F1 (ties: the stronger, the higher). */
    public Fitted fitTuned(Dataset<Row> train, Dataset<Row> dev, HeadVariant variant) {
        Fitted best = null;
        double bestF1 = -1;
        for (double reg : REG_GRID) {
            Fitted f = fit(train, variant, reg);
            double[][] scored = scores(f, dev);
            for (double t : THRESHOLDS) {
                double f1 = BinaryMetrics.of(scored[0], scored[1], t).f1();
                if (f1 >= bestF1) {
                    best = f.withThreshold(t);
                    bestF1 = f1;
                }
            }
        }
        return best;
    }

    public BinaryMetrics evaluate(Fitted fitted, Dataset<Row> data) {
        double[][] scored = scores(fitted, data);
        return BinaryMetrics.of(scored[0], scored[1], fitted.threshold());
    }

    /** Labels and positive-class probabilities. */
    private static double[][] scores(Fitted fitted, Dataset<Row> data) {
        List<Row> rows = fitted.pipeline().transform(data).select("label", "probability").collectAsList();
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[0][i] = rows.get(i).<Double>getAs("label");
            out[1][i] = rows.get(i).<Vector>getAs("probability").apply(1);
        }
        return out;
    }

    public LinearHead head(Fitted fitted) {
        LogisticRegressionModel lr = (LogisticRegressionModel) fitted.pipeline().stages()[1];
        return fitted.variant().head(lr.coefficients().toArray(), lr.intercept(), fitted.threshold(), hidden, lexicalBits);
    }
}
