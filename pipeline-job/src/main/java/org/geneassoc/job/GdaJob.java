package org.geneassoc.job;

import java.io.IOException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.geneassoc.cli.GeneAssocCli;
import org.geneassoc.config.JobConfig;
import org.geneassoc.documents.RowCounter;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.sink.DocumentSink;
import org.geneassoc.sink.JsonLinesSink;
import org.geneassoc.sink.MongoSink;
import org.geneassoc.sink.RunSummary;
import org.geneassoc.spark.LocalFolders;

import static org.apache.spark.sql.functions.col;

/**
 * The GDA job: extract article records, transform them into documents of gene–disease association
 * sentences, load the documents. {@link #main} is the entry point of the EMR JAR and takes the same
 * flags as {@code geneassoc run}.
 */
public final class GdaJob {
    public static final String RECORDS = "recordsParsed";

    private GdaJob() {
    }

    public static void main(String[] args) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "run";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        GeneAssocCli.main(withCommand);
    }

    public static RunSummary run(SparkSession spark, JobConfig cfg) throws IOException {
        long t0 = System.nanoTime();
        RowCounter.resetAll();

        // Kept for the summary's counts without parsing twice; on disk, so the heap does not grow with the input.
        Dataset<Row> records = new RowCounter().setCounter(RECORDS)
                .transform(ArticleReader.read(spark, cfg.input(), cfg.format()))
                .persist(StorageLevel.DISK_ONLY());
        Dataset<Row> articles = records.filter(col("kind").equalTo("ARTICLE"));

        boolean pairs = LocalFolders.exists(cfg.vocabularyPath());
        if (!pairs) {
            System.err.println("geneassoc: no entity vocabulary at " + cfg.vocabularyPath()
                    + "; scoring whole sentences, without naming genes and diseases");
        }
        Dataset<Row> documents = GdaPipeline.build(spark, cfg, pairs).transform(articles);

        DocumentSink sink = cfg.writesToMongo()
                ? new MongoSink(cfg.mongoUri(), cfg.mongoDatabase(), cfg.mongoCollection())
                : new JsonLinesSink(cfg.output());
        sink.write(documents);

        RunSummary summary = Summaries.of(records, sink.location(), pairs, (System.nanoTime() - t0) / 1e9);
        records.unpersist();
        if (!cfg.writesToMongo()) {
            summary.writeTo(cfg.output(), spark.sparkContext().hadoopConfiguration());
        }
        return summary;
    }
}
