package org.geneassoc.relations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.classify.FeatureSet;
import org.geneassoc.classify.Features;
import org.geneassoc.classify.LinearHead;
import org.geneassoc.evaluation.GoldStandard;
import org.geneassoc.job.GdaPipeline;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.nlp.ArticlePairs;
import org.geneassoc.nlp.MentionRow;
import org.geneassoc.nlp.PairFeaturizer;
import org.geneassoc.training.RelationTrainer.Example;

/**
 * The relation model's examples as the job would make them, with the sentence head swappable: the job's
 * stages up to the sentences naming both entities run once, the premises are encoded once, and each
 * sentence head then scores them into {@link org.geneassoc.classify.PairFeature}s through the job's own
 * {@link ArticlePairs}. Training cross-fits with it: an abstract's sentence scores come from a head that
 * never saw that abstract's sentences, as on the text a user runs the job on.
 */
public final class RelationExamples {
    private static final Map<String, String> SPECIES = Map.of("9606", "human", "10090", "mouse", "10116", "rat");

    /** One article's candidate pairs before their sentences are scored. */
    public record Article(String pmid, ArticlePairs pairs) {
    }

    private RelationExamples() {
    }

    /** The articles naming a gene and a disease, with the mentions the given stages add (the job's recognizers or gold mentions). */
    public static List<Article> articles(SparkSession spark, Dataset<Row> articles, List<PipelineStage> recognizers) {
        List<Article> out = new ArrayList<>();
        for (Row r : GdaPipeline.mentionedSentences(spark, RunMetrics.register(spark.sparkContext()), recognizers).transform(articles)
                .select("pmid", "abstract", "mentions", "titleMentions", "sentences").collectAsList()) {
            List<ArticlePairs.Sentence> sentences = ArticlePairs.sentences(r.getAs("abstract"),
                    r.isNullAt(r.fieldIndex("sentences")) ? null : r.<Row>getList(r.fieldIndex("sentences")));
            out.add(new Article(r.getAs("pmid"), new ArticlePairs(sentences, MentionRow.listFrom(r, "mentions"),
                    MentionRow.listFrom(r, "titleMentions"), PairFeaturizer.DEFAULT_MAX_PAIRS)));
        }
        out.sort(Comparator.comparing(Article::pmid));
        return out;
    }

    /** Every premise of the articles, each once. */
    public static List<String> premises(List<Article> articles) {
        return articles.stream().flatMap(a -> a.pairs().premises().stream()).distinct().sorted().toList();
    }

    /**
     * The labelled candidates of the articles, their sentences scored by {@code head} from the premises'
     * full encoder vectors ({@code [MARKED dense blocks | hashed n-grams]}, as {@code EncoderFeaturizer} writes them).
     */
    public static List<Example> examples(List<Article> articles, Map<String, Vector> premiseVectors, LinearHead head, int hidden,
                                         GoldStandard gold) {
        List<Example> out = new ArrayList<>();
        int dense = FeatureSet.MARKED.dims(hidden);
        for (Article a : articles) {
            List<String> premises = a.pairs().premises();
            float[] scores = new float[premises.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = head.score(features(premiseVectors.get(premises.get(i)), dense));
            }
            Map<String, String> types = gold.types().getOrDefault(a.pmid(), Map.of());
            for (ArticlePairs.Pair p : a.pairs().pairs(scores)) {
                out.add(new Example(a.pmid(), p.gene().id(), p.disease().id(), p.gene().taxon() == null ? "other" : SPECIES.getOrDefault(p.gene().taxon(), "other"), p.features(),
                        types.get(GoldStandard.pair(p.gene().id(), p.disease().id()))));
            }
        }
        out.sort(Comparator.comparing(Example::pmid).thenComparing(Example::pair));
        return out;
    }

    private static Features features(Vector v, int dense) {
        if (v == null) {
            throw new IllegalStateException("a premise was not encoded");
        }
        float[] x = new float[dense];
        for (int d = 0; d < dense; d++) {
            x[d] = (float) v.apply(d);
        }
        List<Integer> lexical = new ArrayList<>();
        v.foreachActive((i, value) -> {
            if ((Integer) i >= dense && (Double) value != 0) {
                lexical.add((Integer) i - dense);
            }
            return scala.runtime.BoxedUnit.UNIT;
        });
        return new Features(FeatureSet.MARKED, x, lexical.stream().mapToInt(Integer::intValue).toArray());
    }
}
