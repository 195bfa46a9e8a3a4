package org.geneassoc.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
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
import org.geneassoc.assets.VocabularyBuilder;
import org.geneassoc.evaluation.Corpus;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Mention;
import org.geneassoc.ner.MentionModel;
import org.geneassoc.ner.Vocabulary;

/**
 * Learns the {@link MentionModel} from the annotated corpora. A row is one match of the vocabulary in a
 * title or abstract, labelled by whether the corpus annotates an entity of its type there (a corpus is
 * asked only about the types it annotates). The matches of an abstract come from a vocabulary learnt
 * without that abstract's fold ({@link #FOLDS} folds by PubMed ID, as cross-validation makes them): with
 * its own names in the vocabulary, every match of a name the corpora taught would look right. The species
 * head learns from the same matches which genes of other species a gene name names too
 * ({@link #examples}). The L2 strength is chosen per head by 3-fold cross-validation (area under ROC)
 * on its rows.
 */
public final class MentionTrainer {
    /** Folds that the training abstracts are matched in, each with a vocabulary learnt from the others. */
    public static final int FOLDS = 5;
    /** A feature is weighed once this many rows have it. */
    static final int MIN_ROWS = 2;
    static final double[] REG_GRID = {3e-5, 1e-4, 3e-4, 1e-3};
    /** The probability a match must reach to be kept: the even odds of a calibrated model, not tuned. */
    public static final double THRESHOLD = 0.5;
    private static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", SQLDataTypes.VectorType(), false);

    /** A match's features and whether the corpus annotates an entity of its type there. */
    public record Labelled(Concept.EntityType type, List<String> features, boolean entity) {
    }

    private MentionTrainer() {
    }

    /** The model the vocabulary ships: learnt from every annotated abstract of {@code data} outside the lockbox. */
    public static MentionModel learnOutsideLockbox(SparkSession spark, Path data) throws IOException {
        List<Corpus.Annotated> corpora = Corpus.readAll(data);
        Set<String> lockbox = Corpus.lockbox(corpora);
        return learn(spark, data, corpora, pmid -> !lockbox.contains(pmid));
    }

    /**
     * The model learnt from the abstracts of {@code corpora} whose PubMed ID passes {@code learnFrom},
     * each matched with a vocabulary learnt from the others' folds.
     */
    public static MentionModel learn(SparkSession spark, Path data, List<Corpus.Annotated> corpora, Predicate<String> learnFrom) throws IOException {
        List<Labelled> rows = new ArrayList<>();
        List<Labelled> species = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            Predicate<String> in = pmid -> learnFrom.test(pmid) && Corpus.fold(pmid, FOLDS) == fold;
            if (corpora.stream().noneMatch(a -> a.documents().stream().anyMatch(d -> in.test(d.pmid())))) {
                continue;
            }
            Vocabulary v = VocabularyBuilder.learn(data, corpora, pmid -> learnFrom.test(pmid) && Corpus.fold(pmid, FOLDS) != fold);
            examples(corpora, in, v, rows, species);
        }
        return fit(spark, rows, species);
    }

    /**
     * Adds to {@code matches} the labelled matches of {@code vocabulary} in the abstracts (title and abstract) of
     * {@code corpora} that pass {@code in}, and to {@code species} the genes of other species those gene names may
     * name too ({@link MentionModel#otherSpecies}), each labelled by whether the corpus annotates that gene in the
     * abstract. Only corpora that annotate a gene in its own species are asked about species.
     */
    public static void examples(List<Corpus.Annotated> corpora, Predicate<String> in, Vocabulary vocabulary, List<Labelled> matches,
                                List<Labelled> species) {
        EntityMatcher matcher = new EntityMatcher(vocabulary.withoutMentionModel());
        for (Corpus.Annotated a : corpora) {
            for (PubTator.Document d : a.only(in).documents()) {
                Set<String> genes = null;
                if (a.corpus().genesOfTheirSpecies()) {
                    genes = new HashSet<>();
                    for (PubTator.Mention m : d.mentions()) {
                        if (m.isGene()) {
                            genes.addAll(m.ids());
                        }
                    }
                }
                String title = d.title() == null ? "" : d.title();
                String text = d.abstractText() == null ? "" : d.abstractText();
                addExamples(a.corpus(), d, title, text, 0, matcher, vocabulary, matches, genes, species);
                addExamples(a.corpus(), d, text, title, title.length() + 1, matcher, vocabulary, matches, genes, species);
            }
        }
    }

    /**
     * The matches in {@code text}, which starts at {@code offset} in PubTator's "title abstract", and, where
     * {@code genes} (the abstract's annotated genes) is not null, their candidates of other species.
     */
    private static void addExamples(Corpus corpus, PubTator.Document d, String text, String context, int offset, EntityMatcher matcher,
                                    Vocabulary vocabulary, List<Labelled> out, Set<String> genes, List<Labelled> species) {
        List<Mention> found = matcher.find(text, context);
        Map<String, Integer> perConcept = MentionModel.perConcept(found);
        for (Mention m : found) {
            boolean gene = m.concept().type() == Concept.EntityType.GENE;
            if (gene ? !corpus.genes() : !corpus.diseases()) {
                continue;
            }
            int start = m.start() + offset;
            int end = m.end() + offset;
            boolean entity = d.mentions().stream().anyMatch(g -> (gene ? g.isGene() : g.isDisease()) && g.start() < end && start < g.end());
            out.add(new Labelled(m.concept().type(), MentionModel.features(vocabulary, text, m, perConcept), entity));
        }
        if (genes != null) {
            for (MentionModel.Candidate c : MentionModel.otherSpecies(vocabulary, text, context, found)) {
                species.add(new Labelled(Concept.EntityType.GENE, c.features(), genes.contains(c.concept().id())));
            }
        }
    }

    /** Fits one head per entity type on {@code rows} and the species head on {@code species} (none if empty); see the class comment. */
    public static MentionModel fit(SparkSession spark, List<Labelled> rows, List<Labelled> species) {
        Map<Concept.EntityType, MentionModel.Head> heads = new EnumMap<>(Concept.EntityType.class);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("learnt", "logistic regression (Spark ML) per entity type over a match's name, source, shape and context words");
        about.put("labels", "whether the corpus annotates an entity of the match's type over it; matches by a vocabulary learnt without "
                + "the abstract's fold (" + FOLDS + " folds by PubMed ID)");
        for (Concept.EntityType type : Concept.EntityType.values()) {
            // In one order whatever order the rows came in: the optimiser's sums, and so the file, depend on it.
            List<Labelled> of = sorted(rows.stream().filter(r -> r.type() == type).toList());
            Map<String, Object> stats = new LinkedHashMap<>();
            heads.put(type, fitHead(spark, of, stats));
            about.put(type.name().toLowerCase(Locale.ROOT), stats);
        }
        MentionModel.Head speciesHead = null;
        if (!species.isEmpty()) {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("learnt", "logistic regression (Spark ML) over the species of the study, the name and the text's genes");
            stats.put("labels", "whether the corpus annotates, in the abstract, the gene of another species that a matched gene name names "
                    + "there; BioRED and NLM-Gene, by a vocabulary learnt without the abstract's fold");
            speciesHead = fitHead(spark, sorted(species), stats);
            about.put("species", stats);
        }
        return new MentionModel(heads, speciesHead, about);
    }

    private static List<Labelled> sorted(List<Labelled> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing((Labelled r) -> String.join("\u0001", r.features())).thenComparing(Labelled::entity))
                .toList();
    }

    private static MentionModel.Head fitHead(SparkSession spark, List<Labelled> rows, Map<String, Object> stats) {
        long entities = rows.stream().filter(Labelled::entity).count();
        if (entities == 0 || entities == rows.size()) {
            throw new IllegalArgumentException("Learning which matches are entities needs matches of both kinds; got " + entities + " entities in "
                    + rows.size() + " matches");
        }
        Map<String, Integer> seen = new TreeMap<>();
        rows.forEach(r -> new TreeSet<>(r.features()).forEach(f -> seen.merge(f, 1, Integer::sum)));
        List<String> names = seen.entrySet().stream().filter(e -> e.getValue() >= MIN_ROWS).map(Map.Entry::getKey).toList();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            column.put(names.get(i), i);
        }
        List<Row> data = new ArrayList<>();
        for (Labelled r : rows) {
            int[] idx = r.features().stream().map(column::get).filter(java.util.Objects::nonNull).distinct().sorted().mapToInt(Integer::intValue).toArray();
            double[] ones = new double[idx.length];
            java.util.Arrays.fill(ones, 1.0);
            data.add(RowFactory.create(r.entity() ? 1.0 : 0.0, Vectors.sparse(names.size(), idx, ones)));
        }
        // One partition: the optimiser then sums in one order, and the same rows give the same file.
        Dataset<Row> frame = spark.createDataFrame(data, SCHEMA).coalesce(1).cache();
        LogisticRegression lr = new LogisticRegression().setElasticNetParam(0.0).setStandardization(false).setMaxIter(200);
        ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), REG_GRID).build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(grid).setNumFolds(3).setSeed(24)
                .setEvaluator(new BinaryClassificationEvaluator().setMetricName("areaUnderROC")).fit(frame);
        LogisticRegressionModel best = (LogisticRegressionModel) cv.bestModel();
        frame.unpersist();
        Map<String, Double> weights = new TreeMap<>();
        double[] c = best.coefficients().toArray();
        for (int i = 0; i < c.length; i++) {
            double w = round(c[i]);
            if (w != 0) {
                weights.put(names.get(i), w);
            }
        }
        stats.put("matches", rows.size());
        stats.put("entities", entities);
        stats.put("features", names.size());
        Map<String, Double> auc = new LinkedHashMap<>();
        for (int i = 0; i < grid.length; i++) {
            auc.put(String.valueOf(REG_GRID[i]), round(cv.avgMetrics()[i]));
        }
        stats.put("regParamByCrossValidatedAuc", auc);
        stats.put("regParam", best.getRegParam());
        return new MentionModel.Head(weights, round(best.intercept()), THRESHOLD);
    }

    /** Four significant digits: the file stays small and a refit gives the same bytes. */
    private static double round(double x) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", x));
    }
}
