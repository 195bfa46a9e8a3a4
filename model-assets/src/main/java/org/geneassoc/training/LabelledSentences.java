package org.geneassoc.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code sentence<TAB>label} files as GAD ships them: with or without an {@code index} column and
 * header. Labels are 0 or 1; any other line is an error naming the file and line.
 */
public final class LabelledSentences {
    public static final StructType SCHEMA = new StructType()
            .add("sentence", DataTypes.StringType, false)
            .add("label", DataTypes.DoubleType, false);

    private LabelledSentences() {
    }

    public static List<Row> readRows(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Labelled data file " + file + " does not exist");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>(lines.size());
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || (n == 0 && line.startsWith("index\t"))) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 2 || cols.length > 3) {
                throw new IOException(file + ":" + (n + 1) + ": expected sentence<TAB>label or index<TAB>sentence<TAB>label, got " + cols.length + " columns");
            }
            String sentence = cols[cols.length - 2];
            String label = cols[cols.length - 1].strip();
            if (!label.equals("0") && !label.equals("1")) {
                throw new IOException(file + ":" + (n + 1) + ": label must be 0 or 1, got '" + label + "'");
            }
            rows.add(RowFactory.create(sentence, Double.parseDouble(label)));
        }
        if (rows.isEmpty()) {
            throw new IOException("Labelled data file " + file + " holds no examples");
        }
        return rows;
    }

    /** One partition per core; training sorts the rows it fits on, so their spread does not matter. */
    public static Dataset<Row> read(SparkSession spark, Path file) throws IOException {
        int parts = spark.sparkContext().defaultParallelism();
        return spark.createDataFrame(readRows(file), SCHEMA).repartition(parts, org.apache.spark.sql.functions.col("sentence"));
    }
}
