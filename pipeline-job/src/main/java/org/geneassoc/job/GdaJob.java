package org.geneassoc.job;

import java.io.IOException;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.geneassoc.config.JobConfig;
import org.geneassoc.documents.GdaDocument;
import org.geneassoc.documents.ModelVersion;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.ingest.EuropePmcFetcher;
import org.geneassoc.ingest.InputFiles;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.metrics.RunMetrics.Counter;
import org.geneassoc.report.HtmlReport;
import org.geneassoc.report.Report;
import org.geneassoc.report.ReportData;
import org.geneassoc.sink.CaBundle;
import org.geneassoc.sink.DocumentSink;
import org.geneassoc.sink.JsonLinesSink;
import org.geneassoc.sink.Ledger;
import org.geneassoc.sink.MongoConnection;
import org.geneassoc.sink.MongoSink;
import org.geneassoc.sink.RunSummary;
import org.geneassoc.spark.LocalFolders;
import org.geneassoc.spark.Sessions;

import static org.apache.spark.sql.functions.col;

/**
 * The GDA job: extract article records, transform them into documents of gene–disease association
 * sentences, load the documents. {@link #main} is the entry point of the EMR JAR (see {@link JobCommand}
 * for its flags and exit codes).
 */
public final class GdaJob {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private GdaJob() {
    }

    public static void main(String[] args) {
        int code = JobCommand.execute(args, metrics -> () -> { });
        Sessions.stopActive();
        System.exit(code);
    }

    public static RunSummary run(SparkSession spark, JobConfig cfg, RunMetrics metrics) throws IOException {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        // The CA bundle is read and checked before any work (the fetch included), so a bad one fails the run at its start.
        MongoConnection mongo = !cfg.writesToMongo() ? null : new MongoConnection(cfg.mongoUri(), cfg.mongoDatabase(), cfg.mongoCollection(),
                cfg.mongoCaBundle() == null ? null : CaBundle.read(cfg.mongoCaBundle(), spark.sparkContext().hadoopConfiguration()));

        // Extract: first, when asked, the Europe PMC search into the input folder. The records are kept for the
        // summary's counts without parsing twice; on disk, so the heap does not grow with the input.
        if (cfg.fetch() != null) {
            new EuropePmcFetcher().fetch(cfg.fetch(), cfg.input(), spark.sparkContext().hadoopConfiguration(), System.err::println);
        }
        InputFiles input = InputFiles.list(cfg.input(), spark.sparkContext().hadoopConfiguration());
        Dataset<Row> records = metrics.counter(Counter.RECORDS)
                .transform(ArticleReader.read(spark, input, cfg.format()))
                .persist(StorageLevel.DISK_ONLY());
        Dataset<Row> articles = records.filter(col("kind").equalTo("ARTICLE"));
        String modelVersion = ModelVersion.of(cfg, spark.sparkContext().hadoopConfiguration());
        DocumentSink sink = cfg.writesToMongo()
                ? new MongoSink(mongo, cfg.mongoWriteAttempts(), cfg.mongoRetrySeconds())
                : cfg.skipExisting() ? JsonLinesSink.adding(cfg.output(), JsonLinesSink.runId(started, spark.sparkContext().applicationId()))
                : JsonLinesSink.replacing(cfg.output());
        // --skip-existing: only the articles the sink does not hold from this model version; none left, no work.
        Ledger.Remaining remaining = cfg.skipExisting() ? Ledger.remaining(sink, spark, articles, modelVersion)
                : new Ledger.Remaining(articles, 0, false);

        // Transform.
        boolean pairs = LocalFolders.exists(cfg.models().vocabulary());
        if (!pairs) {
            System.err.println("geneassoc: no entity vocabulary at " + cfg.models().vocabulary()
                    + "; scoring whole sentences, without naming genes and diseases");
        }
        if (!remaining.none()) {
            Dataset<Row> documents = GdaPipeline.build(spark, cfg, pairs, metrics).transform(remaining.articles());

            // Load.
            sink.write(GdaDocument.stamp(documents, modelVersion, started), Ledger.entries(remaining.articles(), modelVersion));
        }

        RunSummary summary = Summaries.of(records, input.skipped(), metrics, sink.location(), pairs, modelVersion, remaining.skipped(),
                (System.nanoTime() - t0) / 1e9);
        records.unpersist();
        if (!cfg.writesToMongo()) {
            summary.writeTo(cfg.output(), spark.sparkContext().hadoopConfiguration());
        }
        if (cfg.report()) {
            // Of everything the output holds, so that runs that add to it show what they added.
            Dataset<Row> held = cfg.writesToMongo() ? Report.fromMongo(spark, mongo)
                    : Report.fromFolder(spark, cfg.output());
            String source = cfg.writesToMongo() ? "MongoDB collection " + cfg.mongoDatabase() + "." + cfg.mongoCollection() : cfg.output();
            Report.write(held, source, JSON.valueToTree(summary), Report.thresholds(cfg.associationThreshold(), cfg.sentenceThreshold()),
                    new org.apache.hadoop.fs.Path(cfg.output(), HtmlReport.FILE).toString(), ReportData.Limits.DEFAULT);
        }
        return summary;
    }
}
