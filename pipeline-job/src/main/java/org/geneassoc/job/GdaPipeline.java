package org.geneassoc.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.classify.RelationClassifier;
import org.geneassoc.classify.SentencePairClassifier;
import org.geneassoc.config.JobConfig;
import org.geneassoc.documents.GdaAggregator;
import org.geneassoc.documents.PmidDeduplicator;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.metrics.RunMetrics.Counter;
import org.geneassoc.nlp.EntityRecognizer;
import org.geneassoc.nlp.MarkupStripper;
import org.geneassoc.nlp.PairFeaturizer;
import org.geneassoc.nlp.PairableFilter;
import org.geneassoc.nlp.ScoreFilter;
import org.geneassoc.nlp.SentenceExploder;
import org.geneassoc.nlp.SentenceSplitter;

/**
 * Transform, as one Spark ML pipeline: articles in, one document per article with its associations out.
 * Every stage is a Transformer with Params, so the pipeline saves, loads and composes.
 */
public final class GdaPipeline {
    private GdaPipeline() {
    }

    /**
     * With a vocabulary, every (gene, disease) pair of an article is scored by the relation model from its
     * mentions and the sentence head's scores of the sentences naming both; without one, whole sentences
     * of the abstracts the screen passes are scored.
     */
    public static PipelineModel build(SparkSession spark, JobConfig cfg, boolean pairs, RunMetrics metrics) {
        return build(spark, cfg, pairs ? recognizers(cfg) : null, metrics);
    }

    /** As {@link #build(SparkSession, JobConfig, boolean, RunMetrics)}: pairs of the mentions the given stages add, or sentences when null. */
    public static PipelineModel build(SparkSession spark, JobConfig cfg, List<PipelineStage> recognizers, RunMetrics metrics) {
        List<PipelineStage> stages = new ArrayList<>();
        if (recognizers != null) {
            stages.addAll(pairStages(cfg, metrics, recognizers));
            stages.add(new RelationClassifier().setModelPath(cfg.models().classifier()));
            stages.add(new ScoreFilter().setScoreCol("relation.score").setThreshold(cfg.associationThreshold()));
            stages.add(metrics.counter(Counter.ASSOCIATIONS));
        } else {
            stages.addAll(articleStages(metrics));
            stages.addAll(List.of(SentenceSplitter.stages("abstract", "sentences")));
            // Whole sentences: every sentence of every abstract would be scored, so the screen goes first.
            screen(stages, cfg, metrics);
            stages.add(new SentenceExploder().setAnnotationsCol("sentences").setTextCol("abstract").setSentenceCol("sentence"));
            stages.add(metrics.counter(Counter.SENTENCES));
            stages.add(metrics.counter(Counter.PREMISES_SCORED));
            stages.add(classifier(cfg, "sentence", "prediction"));
            stages.add(new ScoreFilter().setScoreCol("prediction.score").setThreshold(cfg.sentenceThreshold()));
        }
        stages.add(new GdaAggregator().setSentenceThreshold(cfg.sentenceThreshold()));
        stages.add(metrics.counter(Counter.DOCUMENTS));
        return assemble(spark, stages);
    }

    /**
     * Articles in, one row per candidate (gene, disease) pair out, with its evidence and relation features:
     * what the job scores, and what training and evaluation fit and measure the relation model on.
     */
    public static PipelineModel candidates(SparkSession spark, JobConfig cfg, RunMetrics metrics) {
        return assemble(spark, pairStages(cfg, metrics, recognizers(cfg)));
    }

    /**
     * As {@link #candidates}, with other stages in place of the entity recognizers: they must add the
     * {@code mentions} (of the abstract) and {@code titleMentions} columns. Evaluation passes gold mentions.
     */
    public static PipelineModel candidates(SparkSession spark, JobConfig cfg, RunMetrics metrics, List<PipelineStage> recognizers) {
        return assemble(spark, pairStages(cfg, metrics, recognizers));
    }

    /**
     * Articles that name a gene and a disease, with their {@code mentions}, {@code titleMentions} and
     * {@code sentences}: what {@link PairFeaturizer} reads, for training that scores the sentences itself.
     */
    public static PipelineModel mentionedSentences(SparkSession spark, RunMetrics metrics, List<PipelineStage> recognizers) {
        return assemble(spark, sentenceStages(metrics, recognizers));
    }

    /** The vocabulary's entity recognizers over the abstract and the title. */
    public static List<PipelineStage> recognizers(JobConfig cfg) {
        String vocabulary = cfg.models().vocabulary();
        return List.of(new EntityRecognizer().setTextCol("abstract").setContextCol("title").setOutputCol("mentions").setVocabularyPath(vocabulary),
                new EntityRecognizer().setTextCol("title").setContextCol("abstract").setOutputCol("titleMentions").setVocabularyPath(vocabulary));
    }

    private static List<PipelineStage> sentenceStages(RunMetrics metrics, List<PipelineStage> recognizers) {
        List<PipelineStage> stages = new ArrayList<>(articleStages(metrics));
        stages.addAll(recognizers);
        // Articles naming no gene or no disease have no pair: they are neither split nor encoded.
        stages.add(new PairableFilter());
        stages.addAll(List.of(SentenceSplitter.stages("abstract", "sentences")));
        return stages;
    }

    private static List<PipelineStage> pairStages(JobConfig cfg, RunMetrics metrics, List<PipelineStage> recognizers) {
        List<PipelineStage> stages = new ArrayList<>(sentenceStages(metrics, recognizers));
        stages.add(new PairFeaturizer().setModelPath(cfg.models().classifier())
                .setCounters(metrics.accumulator(Counter.SENTENCES), metrics.accumulator(Counter.PREMISES_SCORED)));
        stages.add(metrics.counter(Counter.CANDIDATE_PAIRS));
        return stages;
    }

    private static List<PipelineStage> articleStages(RunMetrics metrics) {
        return List.of(new PmidDeduplicator(), new MarkupStripper().setInputCol("title").setOutputCol("title"),
                new MarkupStripper().setInputCol("abstract").setOutputCol("abstract"), metrics.counter(Counter.ABSTRACTS));
    }

    /** Only Transformers: fit() just assembles the model without touching data. */
    private static PipelineModel assemble(SparkSession spark, List<PipelineStage> stages) {
        return new Pipeline().setStages(stages.toArray(new PipelineStage[0]))
                .fit(spark.createDataFrame(List.of(), ArticleReader.SCHEMA));
    }

    /** The abstract screen: one abstract per encoder call (the classifier's default), so no score depends on its neighbours. */
    private static void screen(List<PipelineStage> stages, JobConfig cfg, RunMetrics metrics) {
        stages.add(metrics.counter(Counter.ABSTRACTS_SCREENED).setKeyCol("pmid"));
        stages.add(classifier(cfg, "abstract", "screen").setPremiseKind("abstract"));
        stages.add(new ScoreFilter().setScoreCol("screen.score").setThreshold(cfg.abstractThreshold()));
        stages.add(metrics.counter(Counter.ABSTRACTS_SCREENED_IN).setKeyCol("pmid"));
    }

    private static SentencePairClassifier classifier(JobConfig cfg, String premise, String output) {
        return new SentencePairClassifier().setModelPath(cfg.models().classifier())
                .setPremiseCol(premise).setOutputCol(output);
    }
}
