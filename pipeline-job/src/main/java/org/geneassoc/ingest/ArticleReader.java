package org.geneassoc.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Extract: every file under a path (file, folder read recursively, or glob; local, {@code s3a://},
 * plain or gzip) parsed into one row per record. A file that fails part-way keeps the records read before the fault
 * and adds a FILE_FAILED row naming it, so one bad file never takes good data down with it.
 */
public final class ArticleReader {
    public static final StructType AUTHOR = new StructType()
            .add("fullName", DataTypes.StringType).add("lastName", DataTypes.StringType)
            .add("firstName", DataTypes.StringType).add("initials", DataTypes.StringType);
    public static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType)
            .add("pmid", DataTypes.StringType)
            .add("journal", DataTypes.StringType)
            .add("firstPublicationDate", DataTypes.StringType)
            .add("authors", DataTypes.createArrayType(AUTHOR, false))
            .add("title", DataTypes.StringType)
            .add("abstract", DataTypes.StringType);

    private static final int DETECT_BYTES = 4096;

    private ArticleReader() {
    }

    /** Every file under the input path (see {@link InputFiles}) parsed into record rows. */
    public static Dataset<Row> read(SparkSession spark, String input, InputFormat format) throws IOException {
        return read(spark, InputFiles.list(input, spark.sparkContext().hadoopConfiguration()), format);
    }

    /**
     * The listed files, opened by their full paths. Not {@code binaryFiles}: Hadoop's input formats glob each path
     * again, and globbing reads a colon in a folder name ("2026-11-30T06:00:00Z") as a URI scheme and fails.
     */
    public static Dataset<Row> read(SparkSession spark, InputFiles input, InputFormat format) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> settings = new HashMap<>();
        spark.sparkContext().hadoopConfiguration().forEach(e -> settings.put(e.getKey(), e.getValue()));
        Broadcast<Map<String, String>> hadoop = jsc.broadcast(settings);
        int slices = Math.max(1, Math.min(input.files().size(), jsc.defaultParallelism() * 2));
        JavaRDD<Row> rows = jsc.parallelize(input.files(), slices).flatMap(file -> parseFile(file, hadoop.value(), format).iterator());
        return spark.createDataFrame(rows, SCHEMA);
    }

    static List<Row> parseFile(String name, Map<String, String> hadoop, InputFormat format) {
        List<Row> out = new ArrayList<>();
        Configuration conf = new Configuration(false);
        hadoop.forEach(conf::set);
        Path path = new Path(name);
        try (InputStream raw = path.getFileSystem(conf).open(path)) {
            parseStream(raw, name, format, a -> out.add(toRow(ParsedRecord.of(a))));
        } catch (Exception | StackOverflowError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            out.add(toRow(ParsedRecord.fileFailed(name, name + ": " + msg)));
        }
        return out;
    }

    /** Decompresses gzip by its magic bytes, not by file name, and resolves AUTO from the content. */
    public static int parseStream(InputStream raw, String name, InputFormat format, java.util.function.Consumer<Article> out) throws Exception {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream data = in;
        if (b1 == 0x1f && b2 == 0x8b) {
            data = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        if (b1 < 0) {
            throw new IOException("file is empty");
        }
        InputFormat f = format;
        if (f == InputFormat.AUTO) {
            data.mark(DETECT_BYTES);
            byte[] head = data.readNBytes(DETECT_BYTES);
            data.reset();
            f = InputFormat.detect(head, name);
        }
        return f.parse(data, name, out);
    }

    private static Row toRow(ParsedRecord r) {
        Article a = r.article();
        if (a == null) {
            return RowFactory.create(r.kind(), r.source(), r.reason(), null, null, null, null, null, null);
        }
        List<Row> authors = new ArrayList<>(a.authors().size());
        for (Author au : a.authors()) {
            authors.add(RowFactory.create(au.fullName(), au.lastName(), au.firstName(), au.initials()));
        }
        return RowFactory.create(r.kind(), r.source(), r.reason(), a.pmid().strip(), a.journal(), a.firstPublicationDate(),
                scala.collection.JavaConverters.asScalaBuffer(authors).toList(), a.title(), a.abstractText());
    }
}
