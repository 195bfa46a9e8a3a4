package org.geneassoc.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.classify.SentencePairClassifier;
import org.geneassoc.config.JobConfig;
import org.geneassoc.documents.GdaAggregator;
import org.geneassoc.documents.PmidDeduplicator;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.metrics.RunMetrics.Counter;
import org.geneassoc.nlp.EntityRecognizer;
import org.geneassoc.nlp.MarkupStripper;
import org.geneassoc.nlp.PairCandidates;
import org.geneassoc.nlp.PairableFilter;
import org.geneassoc.nlp.ScoreFilter;
import org.geneassoc.nlp.SentenceExploder;
import org.geneassoc.nlp.SentenceSplitter;

/**
 * Transform, as one Spark ML pipeline: articles in, one document per article with GDA sentences out.
 * Every stage is a Transformer with Params, so the pipeline saves, loads and composes.
 */
public final class GdaPipeline {
    private GdaPipeline() {
    }

    /**
     * With a vocabulary, each (gene, disease) pair in a sentence is scored with both marked as GAD marks
     * them; without one, whole sentences are scored.
     */
    public static PipelineModel build(SparkSession spark, JobConfig cfg, boolean pairs, RunMetrics metrics) {
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new PmidDeduplicator());
        stages.add(new MarkupStripper().setInputCol("title").setOutputCol("title"));
        stages.add(new MarkupStripper().setInputCol("abstract").setOutputCol("abstract"));
        stages.add(metrics.counter(Counter.ABSTRACTS));
        // Entities first: abstracts where no sentence names a gene and a disease skip the encoder entirely.
        if (pairs) {
            stages.add(new EntityRecognizer().setTextCol("abstract").setContextCol("title").setOutputCol("mentions")
                    .setVocabularyPath(cfg.models().vocabulary()));
        }
        stages.addAll(List.of(SentenceSplitter.stages("abstract", "sentences")));
        if (pairs) {
            // Pairs are short and few; abstracts long. A document needs both its abstract and one pair
            // above their thresholds, so scoring pairs first leaves only abstracts with a passing pair
            // to screen, the same documents for far less encoder time.
            stages.add(new PairableFilter());
            stages.add(new SentenceExploder().setAnnotationsCol("sentences").setTextCol("abstract").setSentenceCol("sentence"));
            stages.add(metrics.counter(Counter.SENTENCES));
            stages.add(new PairCandidates());
            stages.add(metrics.counter(Counter.PREMISES_SCORED));
            stages.add(classifier(cfg, "premise", "prediction"));
            stages.add(new ScoreFilter().setScoreCol("prediction.score").setThreshold(cfg.sentenceThreshold()));
            screen(stages, cfg, metrics);
        } else {
            // Whole sentences: every sentence of every abstract would be scored, so the screen goes first.
            screen(stages, cfg, metrics);
            stages.add(new SentenceExploder().setAnnotationsCol("sentences").setTextCol("abstract").setSentenceCol("sentence"));
            stages.add(metrics.counter(Counter.SENTENCES));
            stages.add(metrics.counter(Counter.PREMISES_SCORED));
            stages.add(classifier(cfg, "sentence", "prediction"));
            stages.add(new ScoreFilter().setScoreCol("prediction.score").setThreshold(cfg.sentenceThreshold()));
        }
        stages.add(metrics.counter(Counter.GDA_ENTRIES));
        stages.add(new GdaAggregator());
        stages.add(metrics.counter(Counter.DOCUMENTS));
        // Only Transformers: fit() just assembles the model without touching data.
        return new Pipeline().setStages(stages.toArray(new PipelineStage[0]))
                .fit(spark.createDataFrame(List.of(), ArticleReader.SCHEMA));
    }

    /**
     * The abstract screen. Rows may still be one per article or already one per sentence pair; those of
     * one article are adjacent and share the abstract, which the classifier encodes once per chunk.
     */
    private static void screen(List<PipelineStage> stages, JobConfig cfg, RunMetrics metrics) {
        stages.add(metrics.counter(Counter.ABSTRACTS_SCREENED).setKeyCol("pmid"));
        // Like pairs, one abstract per encoder call (the classifier's default): no score depends on its neighbours.
        stages.add(classifier(cfg, "abstract", "screen").setPremiseKind("abstract"));
        stages.add(new ScoreFilter().setScoreCol("screen.score").setThreshold(cfg.abstractThreshold()));
        stages.add(metrics.counter(Counter.ABSTRACTS_SCREENED_IN).setKeyCol("pmid"));
    }

    private static SentencePairClassifier classifier(JobConfig cfg, String premise, String output) {
        return new SentencePairClassifier().setModelPath(cfg.models().classifier())
                .setPremiseCol(premise).setOutputCol(output);
    }
}
