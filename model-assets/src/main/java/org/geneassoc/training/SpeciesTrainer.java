package org.geneassoc.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Species;
import org.geneassoc.ner.SpeciesModel;
import org.geneassoc.ner.TermKey;
import org.geneassoc.ner.Vocabulary;

/**
 * Trains the {@link SpeciesModel}: its organism words from the species annotations of the SPECIES corpus
 * and BioRED, then a multinomial logistic regression (Spark ML) on the gene mentions of the corpora that
 * annotate genes, labelled with the species of their gold Entrez ID, or "other" where the gold gene is of
 * none of the three species. The L2 regularisation is chosen by 3-fold cross-validation on the rows.
 */
public final class SpeciesTrainer {
    /** Species annotation types: SPECIES' and BioRED's. */
    static final Set<String> SPECIES_TYPES = Set.of("Species", "OrganismTaxon");
    /** A word is an organism word once annotated this often as part of a species mention… */
    static final int MIN_CUE_VOTES = 2;
    /** …with this share of its annotations naming one class… */
    static final double MIN_CUE_AGREEMENT = 0.8;
    /** …and this share of its occurrences in the annotated texts inside a species mention ("hepatitis" of "hepatitis B virus" is not). */
    static final double MIN_CUE_PRECISION = 0.5;
    static final double[] REG_PARAMS = {1e-4, 1e-3, 1e-2, 1e-1};
    private static final StructType ROWS = new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", SQLDataTypes.VectorType(), false);

    private SpeciesTrainer() {
    }

    /** What a training run learnt and how it chose, and the names it was trained for. */
    public record Trained(Vocabulary names, SpeciesModel model, Map<String, Object> report) {
        /** The names with this species model. */
        public Vocabulary vocabulary() {
            return names.withSpeciesModel(model);
        }
    }

    /**
     * @param vocabulary     the names the model will choose among (its own species model, if any, is ignored)
     * @param corpora        annotated abstracts to learn from; only those of corpora that annotate genes give rows
     * @param speciesCorpora abstracts with species annotations ({@link #SPECIES_TYPES}) to learn the organism words from
     */
    public static Trained train(SparkSession spark, Vocabulary vocabulary, List<Corpus.Annotated> corpora, List<PubTator.Document> speciesCorpora) {
        Map<String, Integer> cues = organismWords(speciesCorpora);
        EntityMatcher matcher = new EntityMatcher(vocabulary.withSpeciesModel(SpeciesModel.untrained(cues)));
        List<Row> rows = new ArrayList<>();
        int[] perClass = new int[SpeciesModel.CLASSES];
        for (Corpus.Annotated a : corpora) {
            if (!a.corpus().genes()) {
                continue;
            }
            for (PubTator.Document d : a.documents()) {
                for (Row r : rows(matcher, vocabulary, d)) {
                    rows.add(r);
                    perClass[(int) r.getDouble(0)]++;
                }
            }
        }
        Dataset<Row> data = spark.createDataFrame(rows, ROWS).coalesce(2).cache();
        LogisticRegression lr = new LogisticRegression().setFamily("multinomial").setMaxIter(200).setElasticNetParam(0);
        ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), REG_PARAMS).build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(grid).setNumFolds(3).setSeed(24)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).fit(data);
        data.unpersist();
        LogisticRegressionModel best = (LogisticRegressionModel) cv.bestModel();
        Matrix w = best.coefficientMatrix();
        double[][] weights = new double[SpeciesModel.CLASSES][SpeciesModel.FEATURES.size()];
        double[] intercepts = new double[SpeciesModel.CLASSES];
        for (int c = 0; c < w.numRows(); c++) {
            for (int f = 0; f < w.numCols(); f++) {
                weights[c][f] = w.apply(c, f);
            }
            intercepts[c] = best.interceptVector().apply(c);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("organismWords", cues.size());
        report.put("rows", rows.size());
        report.put("rowsPerClass (human, mouse, rat, other)", List.of(perClass[0], perClass[1], perClass[2], perClass[3]));
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (int i = 0; i < REG_PARAMS.length; i++) {
            accuracy.put(String.valueOf(REG_PARAMS[i]), cv.avgMetrics()[i]);
        }
        report.put("cvAccuracyByRegParam", accuracy);
        return new Trained(vocabulary, new SpeciesModel(SpeciesModel.FEATURES, cues, weights, intercepts, best.getRegParam()), report);
    }

    /**
     * The rows of one abstract: for each gold gene mention, the longest gene name the matcher looked up
     * inside it, labelled with the species whose entry is the gold gene; or "other" where no gold ID is a
     * gene of the three species. A mention whose gold gene is none of the name's entries teaches nothing
     * about species and gives no row.
     */
    static List<Row> rows(EntityMatcher matcher, Vocabulary vocabulary, PubTator.Document d) {
        String title = d.title() == null ? "" : d.title();
        String text = d.abstractText() == null ? "" : d.abstractText();
        List<SpeciesModel.Candidate> candidates = new ArrayList<>(matcher.speciesCandidates(title, text));
        int offset = title.length() + 1;
        for (SpeciesModel.Candidate c : matcher.speciesCandidates(text, title)) {
            candidates.add(new SpeciesModel.Candidate(c.start() + offset, c.end() + offset, c.entries(), c.features()));
        }
        List<Row> out = new ArrayList<>();
        for (PubTator.Mention g : d.mentions()) {
            if (!g.isGene() || g.ids().isEmpty()) {
                continue;
            }
            SpeciesModel.Candidate c = candidates.stream().filter(x -> x.start() >= g.start() && x.end() <= g.end())
                    .max(Comparator.comparingInt(x -> x.end() - x.start())).orElse(null);
            if (c == null) {
                continue;
            }
            int label = -1;
            for (Species s : Species.values()) {
                if (c.entries().of(s) != null && g.ids().contains(c.entries().of(s).concept().id())) {
                    label = s.ordinal();
                }
            }
            if (label < 0 && g.ids().stream().allMatch(id -> vocabulary.gene(id) == null)) {
                label = SpeciesModel.OTHER;
            }
            if (label >= 0) {
                out.add(RowFactory.create((double) label, Vectors.dense(c.features())));
            }
        }
        return out;
    }

    /** Organism words (letters only: strain numbers are not words): see {@link #MIN_CUE_VOTES}, {@link #MIN_CUE_AGREEMENT}, {@link #MIN_CUE_PRECISION}. */
    static Map<String, Integer> organismWords(List<PubTator.Document> docs) {
        Map<String, int[]> votes = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (PubTator.Document d : docs) {
            String all = d.title() + " " + d.abstractText();
            for (String w : words(all)) {
                occurrences.merge(w, 1, Integer::sum);
            }
            for (PubTator.Mention m : d.mentions()) {
                if (!SPECIES_TYPES.contains(m.type()) || m.ids().size() != 1) {
                    continue;
                }
                int c = classOf(m.ids().get(0));
                for (String w : words(m.text())) {
                    votes.computeIfAbsent(w, k -> new int[SpeciesModel.CLASSES])[c]++;
                }
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        votes.forEach((w, v) -> {
            int total = 0;
            int best = 0;
            for (int c = 0; c < v.length; c++) {
                total += v[c];
                best = v[c] > v[best] ? c : best;
            }
            if (w.length() >= 3 && w.chars().allMatch(Character::isLetter) && total >= MIN_CUE_VOTES && v[best] >= MIN_CUE_AGREEMENT * total
                    && total >= MIN_CUE_PRECISION * occurrences.getOrDefault(w, total)) {
                out.put(w, best);
            }
        });
        return out;
    }

    private static int classOf(String taxon) {
        for (Species s : Species.values()) {
            if (s.taxon().equals(taxon.replace("NCBITaxon:", ""))) {
                return s.ordinal();
            }
        }
        return SpeciesModel.OTHER;
    }

    /** The word keys of a text as the matcher keys them: runs of letters and digits. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[^\\p{L}\\p{Nd}]+")) {
            if (!w.isEmpty()) {
                out.add(TermKey.gene(w));
            }
        }
        return out;
    }
}
