package org.geneassoc.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.classify.RelationModel;
import org.geneassoc.evaluation.GoldStandard;
import org.geneassoc.evaluation.SetScores;

/**
 * Fits the {@link RelationModel} with Spark ML: an L2 logistic regression for "associated" over every
 * candidate pair, and a multinomial one for the relation type over the associated pairs. Each fit reads one
 * sorted partition, on which L-BFGS has no random step, so the same examples give the same weights.
 */
public final class RelationTrainer {
    /** L2 strengths the inner folds choose from. */
    public static final List<Double> REG_GRID = List.of(1e-4, 1e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0);
    /** L2 strengths the type model is chosen from: the association grid and two stronger, where it answers the most frequent type. */
    public static final List<Double> TYPE_REG_GRID = java.util.stream.Stream.concat(REG_GRID.stream(), java.util.stream.Stream.of(3.0, 10.0)).toList();
    /** Association thresholds the inner folds choose from. */
    public static final double[] THRESHOLDS = IntStream.rangeClosed(1, 19).mapToDouble(i -> i / 20.0).toArray();
    /** BioRED's gene–disease relation types, the most frequent first (it is the fallback). */
    public static final List<String> TYPES = List.of("Association", "Positive_Correlation", "Negative_Correlation");

    private static final StructType SCHEMA = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    /**
     * A candidate pair the job found in a gold-standard article, with its features and its gold relation
     * type ({@code null}: not related).
     */
    public record Example(String pmid, String geneId, String diseaseId, String species, double[] features, String goldType) {
        public String pair() {
            return GoldStandard.pair(geneId, diseaseId);
        }

        public boolean related() {
            return goldType != null;
        }

        /** The gold type as the type model answers it: one of {@link #TYPES}, rarer types as the most frequent. */
        public String type() {
            return TYPES.get(typeIndex(goldType));
        }
    }

    /** The association weights and the threshold and strength they were chosen with. */
    public record Fitted(double reg, double threshold, double[] weights, double intercept) {
        public double score(double[] x) {
            return RelationModel.logistic(weights, intercept, x);
        }
    }

    private final SparkSession spark;
    private final List<String> featureNames;

    public RelationTrainer(SparkSession spark, List<String> featureNames) {
        this.spark = spark;
        this.featureNames = featureNames;
    }

    /** The association model at one strength; threshold 0.5 until one is chosen. */
    public Fitted fit(List<Example> train, double reg) {
        LogisticRegressionModel lr = new LogisticRegression().setRegParam(reg).setElasticNetParam(0.0).setMaxIter(500).setTol(1e-9)
                .fit(frame(train, e -> e.related() ? 1.0 : 0.0));
        return new Fitted(reg, 0.5, lr.coefficients().toArray(), lr.intercept());
    }

    /** Type weights, one row per {@link #TYPES} entry, fitted on the related examples. */
    public LogisticRegressionModel fitTypes(List<Example> train, double reg) {
        List<Example> related = train.stream().filter(Example::related).toList();
        return new LogisticRegression().setFamily("multinomial").setRegParam(reg).setElasticNetParam(0.0).setMaxIter(500).setTol(1e-9)
                .fit(frame(related, e -> (double) typeIndex(e.goldType())));
    }

    /** A model that answers the relation type only (its association weights are zero), fitted at {@code reg}. */
    public RelationModel typeModel(List<Example> train, double reg) {
        return model(new Fitted(reg, 0.5, new double[featureNames.size()], 0), fitTypes(train, reg));
    }

    /** The model the job loads. */
    public RelationModel model(Fitted association, LogisticRegressionModel types) {
        double[][] typeWeights = new double[TYPES.size()][];
        double[] typeIntercepts = new double[TYPES.size()];
        for (int k = 0; k < TYPES.size(); k++) {
            typeWeights[k] = new double[featureNames.size()];
            if (k < types.coefficientMatrix().numRows()) {
                for (int j = 0; j < featureNames.size(); j++) {
                    typeWeights[k][j] = types.coefficientMatrix().apply(k, j);
                }
                typeIntercepts[k] = types.interceptVector().apply(k);
            } else {
                typeIntercepts[k] = Double.NEGATIVE_INFINITY;
            }
        }
        return new RelationModel(featureNames, association.weights(), association.intercept(), association.threshold(), TYPES, typeWeights,
                typeIntercepts);
    }

    /** Rarer types BioRED gives gene–disease pairs fall back to the most frequent. */
    public static int typeIndex(String type) {
        int i = TYPES.indexOf(type);
        return Math.max(i, 0);
    }

    /** Pair precision, recall and F1 against every gold pair of the examples' articles, found or not. */
    public static SetScores pairScores(List<Example> examples, Map<String, Set<String>> gold,
                                       java.util.function.ToDoubleFunction<double[]> score, double threshold) {
        Map<String, Set<String>> kept = new HashMap<>();
        for (Example e : examples) {
            if (score.applyAsDouble(e.features()) >= threshold) {
                kept.computeIfAbsent(e.pmid(), k -> new TreeSet<>()).add(e.pair());
            }
        }
        return SetScores.of(kept, gold);
    }

    /** One sorted partition: L-BFGS sums gradients over partitions in the order tasks finish. */
    private Dataset<Row> frame(List<Example> examples, java.util.function.ToDoubleFunction<Example> label) {
        List<Example> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparing(Example::pmid).thenComparing(Example::pair));
        List<Row> rows = new ArrayList<>(sorted.size());
        for (Example e : sorted) {
            rows.add(RowFactory.create(e.pmid() + "|" + e.pair(), Vectors.dense(e.features()), label.applyAsDouble(e)));
        }
        return spark.createDataFrame(rows, SCHEMA).coalesce(1);
    }
}
