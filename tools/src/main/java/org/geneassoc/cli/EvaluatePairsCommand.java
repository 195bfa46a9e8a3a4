package org.geneassoc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.Setting;
import org.geneassoc.documents.GdaDocument;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.job.GdaPipeline;
import org.geneassoc.job.JobArgs;
import org.geneassoc.job.JobCommand;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.nlp.EntityRecognizer;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.spark.LocalFolders;
import org.geneassoc.evaluation.EntityEvaluation;
import org.geneassoc.nlp.MarkupStripper;
import org.geneassoc.nlp.MentionRow;
import org.geneassoc.evaluation.GoldStandard;
import org.geneassoc.evaluation.PairEvaluation;
import org.geneassoc.relations.GoldMentions;
import org.apache.spark.ml.PipelineStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import static org.apache.spark.sql.functions.col;

/**
 * {@code geneassoc evaluate-pairs}: runs the job's transform on Europe PMC records and scores what it
 * finds against PubTator gold (BioRED) with {@link PairEvaluation}.
 */
@Command(name = "evaluate-pairs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure entity recognition and gene-disease pairs against PubTator gold; the last line is PAIR_F1=<value>."})
public final class EvaluatePairsCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "Europe PMC XML (or any job input) of the gold standard's articles.")
    String input;

    @Option(names = "--gold", required = true, description = "PubTator file with gene/disease annotations and relations (BioRED).")
    Path gold;

    @Option(names = "--association-threshold", description = "Association score threshold for PAIR_F1 (default: the job's).")
    String associationThreshold;

    @Option(names = "--gold-entities", description = "Run the relation stages on the gold standard's own gene and disease mentions instead of "
            + "the entity recognizers: pair figures apart from entity errors, beside co-occurrence on the same mentions.")
    boolean goldEntities;

    @Option(names = "--config", description = "Folder of *.json defaults, local or s3://.../config/ (default: ./config).")
    String configDir;

    @Mixin
    SparkOptions env;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = env.session("geneassoc-evaluate-pairs");
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.INPUT, input);
        flags.put(Setting.MODELS, env.models);
        flags.put(Setting.ASSOCIATION_THRESHOLD, associationThreshold);
        JobConfig reported = JobCommand.settings(flags, JobArgs.configFolder(configDir), configDir != null).build();
        JobConfig all = reported.withThresholds(0, 0, 0);

        Dataset<Row> articles = ArticleReader.read(spark, input, all.format()).filter(col("kind").equalTo("ARTICLE")).cache();
        Set<String> pmids = new TreeSet<>(articles.select("pmid").as(Encoders.STRING()).collectAsList());
        PairEvaluation evaluation = new PairEvaluation(GoldStandard.read(gold), pmids);
        System.out.printf("articles %d in input, %d in gold; gold pairs %d%n", pmids.size(), evaluation.goldArticles(),
                evaluation.goldPairCount());

        Map<String, Set<String>> genes = new HashMap<>();
        Map<String, Set<String>> diseases = new HashMap<>();
        Dataset<Row> clean = new MarkupStripper().setInputCol("abstract").setOutputCol("abstract").transform(articles);
        List<PipelineStage> recognizers = GdaPipeline.recognizers(all);
        if (goldEntities) {
            GoldMentions mentions = new GoldMentions().setPubtatorPaths(gold.toString()).setVocabularyPath(all.models().vocabulary());
            GoldMentions.Alignment alignment = mentions.aligned(clean);
            System.out.printf("gold entities: %d of %d gold gene and disease mentions sit at their offsets in the input's text and are used%n",
                    alignment.aligned(), alignment.annotated());
            recognizers = List.of(mentions);
        }
        Dataset<Row> mentioned = clean;
        for (PipelineStage stage : recognizers) {
            mentioned = ((org.apache.spark.ml.Transformer) stage).transform(mentioned);
        }
        for (Row r : mentioned.select("pmid", EntityRecognizer.DEFAULT_OUTPUT).collectAsList()) {
            for (MentionRow m : MentionRow.listFrom(r, EntityRecognizer.DEFAULT_OUTPUT)) {
                (m.isGene() ? genes : diseases).computeIfAbsent(r.getAs("pmid"), k -> new TreeSet<>()).add(m.id());
            }
        }
        List<PairEvaluation.Predicted> predicted = new ArrayList<>();
        RunMetrics metrics = RunMetrics.register(spark.sparkContext());
        for (Row r : GdaPipeline.build(spark, all, recognizers, metrics).transform(articles).collectAsList()) {
            GdaDocument d = GdaDocument.fromRow(r);
            for (GdaDocument.Association a : d.associations()) {
                predicted.add(new PairEvaluation.Predicted(d.pmid(), a.gene().entrezId(), a.disease().id(), a.score(), a.coMentioned()));
            }
        }
        Vocabulary vocabulary = Vocabulary.read(LocalFolders.of(all.models().vocabulary(), "Entity vocabulary folder"));
        evaluation.report(genes, diseases, predicted, reported.associationThreshold(),
                id -> EntityEvaluation.speciesName(vocabulary, id)).forEach(System.out::println);
        return 0;
    }
}
