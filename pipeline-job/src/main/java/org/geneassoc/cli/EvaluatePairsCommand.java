package org.geneassoc.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.config.JobConfig;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.job.GdaPipeline;
import org.geneassoc.nlp.EntityRecognizer;
import org.geneassoc.nlp.MarkupStripper;
import org.geneassoc.pubtator.GoldStandard;
import org.geneassoc.pubtator.SetScores;
import org.geneassoc.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import static org.apache.spark.sql.functions.col;

/**
 * {@code geneassoc evaluate-pairs}: runs the job's transform on Europe PMC records and scores what it
 * finds against PubTator gold (BioRED): genes and diseases by ID per abstract, and (pmid, Entrez ID,
 * disease ID) association pairs. Scores are computed once with both thresholds at 0; each threshold
 * setting then only filters them.
 */
@Command(name = "evaluate-pairs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure entity recognition and gene-disease pairs against PubTator gold; the last line is PAIR_F1=<value>."})
public final class EvaluatePairsCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "Europe PMC XML (or any job input) of the gold standard's articles.")
    String input;

    @Option(names = "--gold", required = true, description = "PubTator file with gene/disease annotations and relations (BioRED).")
    Path gold;

    @Option(names = "--abstract-threshold", description = "Abstract screen threshold for PAIR_F1 (default: the job's, config/geneassoc.json).")
    String abstractThreshold;

    @Option(names = "--sentence-threshold", description = "Pair score threshold for PAIR_F1 (default: the job's).")
    String sentenceThreshold;

    @Option(names = "--models", description = "Models root (default: the built model-assets/target/models).")
    String models;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--config", description = "Folder of *.json defaults (default: ./config).")
    Path configDir;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = Sessions.getOrCreate("geneassoc-evaluate-pairs", master);
        Map<String, String> flags = new HashMap<>();
        flags.put("input", input);
        flags.put("models", models);
        flags.put("abstractThreshold", abstractThreshold);
        flags.put("sentenceThreshold", sentenceThreshold);
        JobConfig reported = RunCommand.settings(configDir, flags).build();
        flags.put("abstractThreshold", "0");
        flags.put("sentenceThreshold", "0");
        JobConfig all = RunCommand.settings(configDir, flags).build();

        GoldStandard goldSets = GoldStandard.read(gold);
        Dataset<Row> articles = ArticleReader.read(spark, input, all.format()).filter(col("kind").equalTo("ARTICLE")).cache();
        Set<String> pmids = new TreeSet<>(articles.select("pmid").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        Map<String, Set<String>> goldGenes = restrict(goldSets.genes(), pmids);
        Map<String, Set<String>> goldDiseases = restrict(goldSets.diseases(), pmids);
        Map<String, Set<String>> goldPairs = restrict(goldSets.pairs(), pmids);
        System.out.printf("articles %d in input, %d in gold; gold pairs %d%n", pmids.size(), goldPairs.size(),
                goldPairs.values().stream().mapToInt(Set::size).sum());

        Map<String, Set<String>> genes = new HashMap<>();
        Map<String, Set<String>> diseases = new HashMap<>();
        Dataset<Row> clean = new MarkupStripper().setInputCol("abstract").setOutputCol("abstract").transform(articles);
        for (Row r : new EntityRecognizer().setTextCol("abstract").setVocabularyPath(all.vocabularyPath()).transform(clean)
                .select("pmid", "mentions").collectAsList()) {
            for (Row m : r.<Row>getList(1)) {
                (m.getString(3).equals("GENE") ? genes : diseases).computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(m.getString(4));
            }
        }
        System.out.println(SetScores.of(genes, goldGenes).line("genes (Entrez ID per abstract)"));
        System.out.println(SetScores.of(diseases, goldDiseases).line("diseases (MeSH/OMIM ID per abstract)"));
        SetScores everyPair = SetScores.of(GoldStandard.everyPair(genes, diseases), goldPairs);
        System.out.println(everyPair.line("pairs: every gene x disease of an abstract"));
        System.out.println(everyPair.bestSubset().line("pairs: best any scoring of these entities can do"));

        List<Row> docs = GdaPipeline.build(spark, all, true).transform(articles).select("pmid", "abstractScore", "associations").collectAsList();
        System.out.println(pairs(docs, 0, 0, goldPairs).line("pairs: every co-occurring pair"));
        for (double t : List.of(0.3, 0.5, 0.6, 0.7, 0.8, 0.9)) {
            System.out.println(pairs(docs, 0, t, goldPairs).line(String.format("pairs: no screen, score >= %.1f", t)));
        }
        SetScores chosen = pairs(docs, reported.abstractThreshold(), reported.sentenceThreshold(), goldPairs);
        System.out.println(chosen.line(String.format("pairs: screen >= %.2f, score >= %.2f", reported.abstractThreshold(),
                reported.sentenceThreshold())));
        System.out.printf("PAIR_F1=%.4f%n", chosen.f1());
        return 0;
    }

    static SetScores pairs(List<Row> docs, double abstractThreshold, double pairThreshold, Map<String, Set<String>> gold) {
        Map<String, Set<String>> predicted = new HashMap<>();
        for (Row d : docs) {
            if (d.getFloat(1) < abstractThreshold) {
                continue;
            }
            for (Row a : d.<Row>getList(2)) {
                if (a.getFloat(2) >= pairThreshold) {
                    predicted.computeIfAbsent(d.getString(0), k -> new TreeSet<>())
                            .add(GoldStandard.pair(a.getStruct(0).getString(2), a.getStruct(1).getString(2)));
                }
            }
        }
        return SetScores.of(predicted, gold);
    }

    private static Map<String, Set<String>> restrict(Map<String, Set<String>> gold, Set<String> pmids) {
        Map<String, Set<String>> out = new HashMap<>();
        gold.forEach((k, v) -> {
            if (pmids.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
