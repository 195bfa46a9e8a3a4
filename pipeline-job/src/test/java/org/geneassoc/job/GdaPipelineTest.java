package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.config.ConfigLoader;
import java.util.Map;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.Setting;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.spark.LocalFolders;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.ingest.InputFormat;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.spark.sql.functions.col;

class GdaPipelineTest {
    @Test
    void theWholeTransformSavesAndLoadsAsOnePipeline(@TempDir Path dir) throws Exception {
        SparkSession spark = SharedSpark.get();
        JobConfig cfg = new ConfigLoader().jsonFolder(Path.of("../config"))
                .flags(Map.of(Setting.INPUT, "../samples/europepmc-sample.xml", Setting.MODELS, SharedData.models(),
                        Setting.ABSTRACT_THRESHOLD, "0", Setting.SENTENCE_THRESHOLD, "0.5"))
                .build();
        Dataset<Row> articles = ArticleReader.read(spark, cfg.input(), InputFormat.AUTO).filter(col("kind").equalTo("ARTICLE"));
        PipelineModel model = GdaPipeline.build(spark, cfg, LocalFolders.exists(cfg.models().vocabulary()),
                RunMetrics.register(spark.sparkContext()));
        List<Row> before = model.transform(articles).orderBy("pmid").collectAsList();
        model.write().overwrite().save(dir.toString());
        List<Row> after = PipelineModel.load(dir.toString()).transform(articles).orderBy("pmid").collectAsList();
        assertThat(before).isNotEmpty();
        assertThat(after).isEqualTo(before);
        assertThat(model.stages()).hasSizeGreaterThan(10);
    }
}
