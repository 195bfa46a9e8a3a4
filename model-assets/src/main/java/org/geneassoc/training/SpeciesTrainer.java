package org.geneassoc.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.evaluation.Corpus;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.Species;
import org.geneassoc.ner.SpeciesModel;
import org.geneassoc.ner.Vocabulary;

/**
 * Learns the {@link SpeciesModel} from the corpora that give a gene the ID of the organism the study is
 * about: an abstract's label is the species most of its gold gene IDs (human, mouse or rat) belong to.
 * GNormPlus is left out: it gives every gene its human ID, even in a study of mice. The L2 strength is
 * chosen by 3-fold cross-validation (log loss) on the training abstracts alone.
 */
public final class SpeciesTrainer {
    /** The corpora whose gene IDs follow the organism studied. */
    public static final Set<String> CORPORA = Set.of("BioRED Train", "BioRED Dev", "NLM-Gene");
    /** A word is a feature once it is in this many training abstracts: rarer words cannot be weighed. The counted features always are. */
    static final int MIN_ABSTRACTS = 3;
    static final double[] REG_GRID = {1e-3, 3e-3, 1e-2, 3e-2, 1e-1};
    private static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", SQLDataTypes.VectorType(), false);

    /** An abstract's features and the species of most of its gold genes. */
    public record Labelled(String pmid, Map<String, Double> features, Species species) {
    }

    private SpeciesTrainer() {
    }

    /**
     * The labelled abstracts of {@link #CORPORA} whose PubMed ID passes {@code learnFrom}, one per PubMed
     * ID; an abstract with no human, mouse or rat gene says nothing and is left out.
     */
    public static List<Labelled> examples(List<Corpus.Annotated> corpora, Predicate<String> learnFrom, Vocabulary vocabulary) {
        Map<String, Labelled> out = new TreeMap<>();
        for (Corpus.Annotated a : corpora) {
            if (!CORPORA.contains(a.corpus().name())) {
                continue;
            }
            for (PubTator.Document d : a.only(learnFrom).documents()) {
                Species s = majority(d, vocabulary);
                if (s != null) {
                    out.putIfAbsent(d.pmid(), new Labelled(d.pmid(), SpeciesModel.features(d.abstractText(), d.title()), s));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The species most gold gene IDs of the abstract belong to (ties to the first in enum order), or null. */
    static Species majority(PubTator.Document d, Vocabulary vocabulary) {
        int[] counts = new int[Species.values().length];
        for (PubTator.Mention m : d.mentions()) {
            if (m.isGene()) {
                for (String id : m.ids()) {
                    Concept c = vocabulary.gene(id);
                    if (c != null) {
                        counts[c.species().ordinal()]++;
                    }
                }
            }
        }
        int best = 0;
        for (int s = 1; s < counts.length; s++) {
            if (counts[s] > counts[best]) {
                best = s;
            }
        }
        return counts[best] == 0 ? null : Species.values()[best];
    }

    /** The model learnt from the abstracts of {@code corpora} whose PubMed ID passes {@code learnFrom}. */
    public static SpeciesModel learn(SparkSession spark, List<Corpus.Annotated> corpora, Predicate<String> learnFrom, Vocabulary vocabulary) {
        return fit(spark, examples(corpora, learnFrom, vocabulary));
    }

    /** Fits the model on the examples; see the class comment. */
    public static SpeciesModel fit(SparkSession spark, List<Labelled> examples) {
        Map<String, Integer> df = new TreeMap<>();
        int[] perSpecies = new int[Species.values().length];
        for (Labelled e : examples) {
            e.features().keySet().forEach(w -> df.merge(w, 1, Integer::sum));
            perSpecies[e.species().ordinal()]++;
        }
        for (Species s : Species.values()) {
            if (perSpecies[s.ordinal()] == 0) {
                throw new IllegalArgumentException("No training abstract is about " + s.name().toLowerCase(Locale.ROOT) + " genes");
            }
        }
        List<String> words = df.entrySet().stream().filter(e -> e.getValue() >= MIN_ABSTRACTS || e.getKey().startsWith("#"))
                .map(Map.Entry::getKey).toList();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            column.put(words.get(i), i);
        }
        List<Row> rows = new ArrayList<>();
        for (Labelled e : examples) {
            TreeMap<Integer, Double> present = new TreeMap<>();
            e.features().forEach((f, x) -> {
                Integer j = column.get(f);
                if (j != null && x != 0) {
                    present.put(j, x);
                }
            });
            int[] idx = present.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] values = present.values().stream().mapToDouble(Double::doubleValue).toArray();
            rows.add(RowFactory.create((double) e.species().ordinal(), Vectors.sparse(words.size(), idx, values)));
        }
        // One partition: the optimiser then sums in one order, and the same abstracts give the same file.
        Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA).coalesce(1).cache();
        LogisticRegression lr = new LogisticRegression().setFamily("multinomial").setElasticNetParam(0.0).setStandardization(false)
                .setMaxIter(300).setTol(1e-8);
        ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), REG_GRID).build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(grid).setNumFolds(3).setSeed(24)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("logLoss")).fit(frame);
        LogisticRegressionModel best = (LogisticRegressionModel) cv.bestModel();
        frame.unpersist();
        Matrix m = best.coefficientMatrix();
        double[][] weights = new double[Species.values().length][words.size()];
        double[] intercepts = new double[Species.values().length];
        for (int s = 0; s < weights.length; s++) {
            for (int j = 0; j < words.size(); j++) {
                weights[s][j] = round(m.apply(s, j));
            }
            intercepts[s] = round(best.interceptVector().apply(s));
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("learnt", "multinomial logistic regression (Spark ML), words of title and abstract present or not, species named, rule, symbol styles");
        about.put("labels", "the species most gold gene IDs of an abstract belong to");
        about.put("corpora", new java.util.TreeSet<>(CORPORA));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Species s : Species.values()) {
            counts.put(s.name().toLowerCase(Locale.ROOT), perSpecies[s.ordinal()]);
        }
        about.put("abstractsBySpecies", counts);
        about.put("minAbstractsPerWord", MIN_ABSTRACTS);
        Map<String, Double> logLoss = new LinkedHashMap<>();
        for (int i = 0; i < grid.length; i++) {
            logLoss.put(String.valueOf(REG_GRID[i]), round(cv.avgMetrics()[i]));
        }
        about.put("regParamByCrossValidatedLogLoss", logLoss);
        about.put("regParam", best.getRegParam());
        return new SpeciesModel(words, weights, intercepts, about);
    }

    /** Six significant digits: the file stays readable and a refit gives the same bytes. */
    private static double round(double x) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", x));
    }
}
