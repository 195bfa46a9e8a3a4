package org.geneassoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.config.Setting;
import org.geneassoc.report.Report;
import org.geneassoc.report.ReportData;
import org.geneassoc.sink.CaBundle;
import org.geneassoc.sink.MongoConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code geneassoc report}: the page of an output's associations and evidence, from a JSON Lines folder or MongoDB. */
@Command(name = "report", description = "Write one self-contained HTML page of an output's associations, articles and evidence.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "DIR|mongodb://…",
            description = "A JSON Lines output folder (local or s3a://) or a MongoDB URI.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The HTML file to write, e.g. report.html.")
    String output;

    @Option(names = "--mongo-database", description = "With a MongoDB URI: the database (default: ${DEFAULT-VALUE}).")
    String database = Setting.MONGO_DATABASE.defaultValue();

    @Option(names = "--mongo-collection", description = "With a MongoDB URI: the collection (default: ${DEFAULT-VALUE}).")
    String collection = Setting.MONGO_COLLECTION.defaultValue();

    @Option(names = "--mongo-ca-bundle", paramLabel = "PATH|URI",
            description = "With a MongoDB URI: PEM bundle of the CAs its TLS certificate chains to (e.g. DocumentDB's global-bundle.pem).")
    String caBundle;

    @Option(names = "--top", description = "Associations listed in full, most articles first; the rest are counted (default: ${DEFAULT-VALUE}).")
    int top = ReportData.Limits.DEFAULT.associations();

    @Mixin
    SparkOptions env;

    @Override
    public Integer call() {
        if (top < 1) {
            System.err.println("geneassoc report: --top must be at least 1, got " + top);
            return 1;
        }
        SparkSession spark = env.session("geneassoc-report");
        boolean mongo = input.startsWith("mongodb://") || input.startsWith("mongodb+srv://");
        Dataset<Row> documents;
        JsonNode summary = null;
        String source;
        if (mongo) {
            String pem;
            try {
                pem = caBundle == null ? null : CaBundle.read(caBundle, spark.sparkContext().hadoopConfiguration());
            } catch (IllegalArgumentException e) {
                System.err.println("geneassoc report: " + e.getMessage());
                return 1;
            }
            documents = Report.fromMongo(spark, new MongoConnection(input, database, collection, pem));
            source = "MongoDB collection " + database + "." + collection;
        } else {
            try {
                org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(input);
                if (!folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(folder).isDirectory()) {
                    System.err.println("geneassoc report: " + input + " is a file; --input takes a JSON Lines output folder or a MongoDB URI");
                    return 1;
                }
            } catch (java.io.IOException e) {
                System.err.println("geneassoc report: cannot read the folder " + input + ": " + e.getMessage());
                return 1;
            }
            summary = Report.summaryOf(input, spark.sparkContext().hadoopConfiguration());
            documents = Report.fromFolder(spark, input);
            source = input;
        }
        ReportData.Limits d = ReportData.Limits.DEFAULT;
        long t0 = System.nanoTime();
        ReportData data = Report.write(documents, source, summary, null, output,
                new ReportData.Limits(top, d.articlesPerAssociation(), d.sentencesPerArticle(), d.topEntities()));
        System.out.printf("%s: %,d documents, %,d gene–disease pairs (%,d listed) in %.1f s%n", output, data.documents(),
                data.associations(), data.pairs().size(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
