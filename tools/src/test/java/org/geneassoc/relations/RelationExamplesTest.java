package org.geneassoc.relations;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.classify.FeatureSet;
import org.geneassoc.classify.LinearHead;
import org.geneassoc.classify.ModelManifest;
import org.geneassoc.config.ConfigLoader;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.Setting;
import org.geneassoc.evaluation.GoldStandard;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.ingest.InputFormat;
import org.geneassoc.job.GdaPipeline;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;
import org.geneassoc.training.Featurized;
import org.geneassoc.training.LabelledSentences;
import org.geneassoc.training.RelationTrainer.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training's candidates are the job's: scored by the shipped head they carry the features the job computes. */
class RelationExamplesTest {
    @Test
    void withTheShippedHeadTheFeaturesAreTheJobsOwn() throws Exception {
        SparkSession spark = SharedSpark.get();
        ModelsFolder models = new ModelsFolder(SharedData.models());
        JobConfig cfg = new ConfigLoader().jsonFolder(Path.of("../config"))
                .flags(Map.of(Setting.INPUT, "../samples/europepmc-sample.xml", Setting.MODELS, models.root())).build();
        Dataset<Row> articles = ArticleReader.read(spark, cfg.input(), InputFormat.AUTO).filter(col("kind").equalTo("ARTICLE"));

        List<RelationExamples.Article> found = RelationExamples.articles(spark, articles, GdaPipeline.recognizers(cfg));
        List<String> premises = RelationExamples.premises(found);
        Dataset<Row> premiseSet = spark.createDataFrame(premises.stream().map(p -> RowFactory.create(p, 0.0)).toList(), LabelledSentences.SCHEMA);
        Path classifier = Path.of(models.classifier());
        ModelManifest manifest = ModelManifest.read(classifier);
        Path encoder = classifier.resolve(manifest.encoder().path()).normalize();
        Featurized f = new Featurized(spark, encoder, manifest.encoder().layers(), List.of(premiseSet));
        Map<String, Vector> vectors = new HashMap<>();
        f.of(premiseSet).select("sentence", "features").collectAsList().forEach(r -> vectors.put(r.getString(0), r.getAs(1)));
        LinearHead head = ModelManifest.JSON.readValue(classifier.resolve(manifest.heads().get(FeatureSet.MARKED)).toFile(), LinearHead.class);
        int hidden = org.geneassoc.encoder.OnnxEncoder.shared(encoder, 1).hiddenSize();
        List<Example> examples = RelationExamples.examples(found, vectors, head, hidden,
                new GoldStandard(Map.of(), Map.of(), Map.of(), Map.of()));

        Map<String, double[]> job = new HashMap<>();
        for (Row r : GdaPipeline.candidates(spark, cfg, RunMetrics.register(spark.sparkContext())).transform(articles)
                .select(col("pmid"), col("gene.id"), col("disease.id"), col("pairFeatures")).collectAsList()) {
            job.put(r.getString(0) + "|" + GoldStandard.pair(r.getString(1), r.getString(2)), r.<Vector>getAs(3).toArray());
        }
        assertThat(premises).as("the sample's sentences naming a gene and a disease").isNotEmpty();
        assertThat(examples).extracting(e -> e.pmid() + "|" + e.pair()).containsExactlyInAnyOrderElementsOf(job.keySet());
        for (Example e : examples) {
            double[] expected = job.get(e.pmid() + "|" + e.pair());
            for (int i = 0; i < expected.length; i++) {
                assertThat(e.features()[i]).as("%s feature %d", e.pair(), i).isCloseTo(expected[i], within(1e-5));
            }
        }
    }

    @Test
    void goldMentionsLandAtTheirOffsetsAndOneIdBecomesOneMention(@TempDir Path dir) throws Exception {
        SparkSession spark = SharedSpark.get();
        String title = "BRCA1 and breast cancer.";
        String text = "Carriers of BRCA1/2 variants develop breast cancer; a wrong offset names nothing.";
        Path pubtator = dir.resolve("gold.PubTator");
        int a = title.length() + 1;
        Files.writeString(pubtator, String.join("\n",
                "1|t|" + title,
                "1|a|" + text,
                "1\t0\t5\tBRCA1\tGeneOrGeneProduct\t672",
                "1\t10\t23\tbreast cancer\tDiseaseOrPhenotypicFeature\tD001943",
                "1\t" + (a + 12) + "\t" + (a + 19) + "\tBRCA1/2\tGeneOrGeneProduct\t672,675",
                "1\t" + (a + 37) + "\t" + (a + 50) + "\tbreast cancer\tDiseaseOrPhenotypicFeature\tD001943",
                "1\t" + (a + 2) + "\t" + (a + 9) + "\tnothing\tDiseaseOrPhenotypicFeature\tD000001",
                "1\tAssociation\t672\tD001943", "") + "\n");
        Dataset<Row> articles = spark.createDataFrame(List.of(RowFactory.create("1", title, text)),
                new org.apache.spark.sql.types.StructType().add("pmid", "string").add("title", "string").add("abstract", "string"));
        GoldMentions gold = new GoldMentions().setPubtatorPaths(pubtator.toString());
        Row r = gold.transform(articles).first();
        List<Row> mentions = r.getList(r.fieldIndex("mentions"));
        assertThat(mentions).extracting(m -> m.getAs("id") + "@" + m.getAs("start") + "-" + m.getAs("end"))
                .containsExactly("672@12-19", "675@12-19", "D001943@37-50");
        List<Row> titleMentions = r.getList(r.fieldIndex("titleMentions"));
        assertThat(titleMentions).extracting(m -> m.<String>getAs("text")).containsExactly("BRCA1", "breast cancer");
        assertThat(gold.aligned(articles)).isEqualTo(new GoldMentions.Alignment(6, 5));
    }
}
