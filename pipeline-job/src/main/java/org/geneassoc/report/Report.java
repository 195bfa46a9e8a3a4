package org.geneassoc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.documents.GdaDocument;
import org.geneassoc.report.HtmlReport.Fact;
import org.geneassoc.sink.JsonLinesSink;
import org.geneassoc.sink.MongoConnection;
import org.geneassoc.sink.RunSummary;

/**
 * The report of an output: its documents read back (a JSON Lines folder, the newest document per pmid, or a
 * MongoDB collection), aggregated by {@link ReportData} and written by {@link HtmlReport} to a file, local or S3.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    /** The documents of a MongoDB collection, read as one stream and then spread over the session's cores. */
    public static Dataset<Row> fromMongo(SparkSession spark, MongoConnection mongo) {
        return mongo.read(spark, GdaDocument.STORED_SCHEMA, mongo.collection()).repartition(spark.sparkContext().defaultParallelism());
    }

    /** The documents of a JSON Lines folder, and its {@code _SUMMARY.json} when it has one. */
    public static Dataset<Row> fromFolder(SparkSession spark, String folder) {
        return JsonLinesSink.documents(spark, folder);
    }

    /** The {@code _SUMMARY.json} of a JSON Lines folder as the run facts it holds, or null when there is none. */
    public static JsonNode summaryOf(String folder, Configuration conf) {
        Path p = new Path(folder, RunSummary.FILE);
        try {
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                return null;
            }
            try (var in = fs.open(p)) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report of {@code documents} to {@code target} and returns what it shows. {@code summary} is the
     * last run's {@code _SUMMARY.json} (or null), {@code thresholds} a line saying which, when known.
     */
    public static ReportData write(Dataset<Row> documents, String source, JsonNode summary, String thresholds, String target,
                                   ReportData.Limits limits) {
        ReportData data = ReportData.of(documents, limits);
        List<Fact> facts = new ArrayList<>();
        if (summary != null) {
            facts.add(new Fact("Article records read (last run)", number(summary.path("recordsParsed").asLong())));
            facts.add(new Fact("Abstracts scored (last run)", number(summary.path("abstracts").asLong())));
            if (summary.path("skippedExisting").asLong() > 0) {
                facts.add(new Fact("Skipped, already processed", number(summary.path("skippedExisting").asLong())));
            }
        }
        facts.add(new Fact("Documents", number(data.documents())));
        facts.add(new Fact("Associations (article, gene, disease)", number(data.articleAssociations())));
        facts.add(new Fact("Gene–disease pairs", number(data.associations())));
        facts.add(new Fact(data.modelVersions().size() == 1 ? "modelVersion" : "modelVersions", String.join(", ", data.modelVersions())));
        if (thresholds != null) {
            facts.add(new Fact("Thresholds", thresholds));
        }
        if (data.lastProcessed() != null) {
            facts.add(new Fact(data.severalRuns() ? "Runs" : "Run", data.severalRuns()
                    ? data.firstProcessed() + " to " + data.lastProcessed() : data.lastProcessed()));
        }
        facts.add(new Fact("Report written", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        String html = HtmlReport.render(source, facts, data);
        Path p = new Path(target);
        try (OutputStream out = p.getFileSystem(documents.sparkSession().sparkContext().hadoopConfiguration()).create(p, true)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report " + target + ": " + e.getMessage(), e);
        }
        return data;
    }

    /** The thresholds line for a run's settings. */
    public static String thresholds(double association, double sentence) {
        return String.format(Locale.ROOT, "association ≥ %.2f, evidence sentence ≥ %.2f", association, sentence);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
