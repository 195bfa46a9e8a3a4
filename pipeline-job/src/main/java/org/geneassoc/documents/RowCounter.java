package org.geneassoc.documents;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Passes rows through unchanged and counts them in a named accumulator, so progress and the run
 * summary need no extra pass over the data. Counts are exact for a run without task retries.
 * With {@code keyCol} it counts runs of equal keys instead of rows: articles, when the rows of one
 * article are adjacent (as they are after de-duplication; see {@link GdaAggregator}).
 */
public class RowCounter extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, LongAccumulator> COUNTERS = new ConcurrentHashMap<>();

    private final String uid;
    private final Param<String> counter;
    private final Param<String> keyCol;

    public RowCounter() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("rowCounter"));
    }

    public RowCounter(String uid) {
        this.uid = uid;
        counter = new Param<>(this, "counter", "accumulator name");
        keyCol = new Param<>(this, "keyCol", "when set, count runs of equal values of this column rather than rows");
        setDefault(keyCol, "");
    }

    public static MLReader<RowCounter> read() {
        return new DefaultParamsReadable<RowCounter>() { }.read();
    }

    /** The driver-side count so far; 0 before the stage ran. */
    public static long count(String name) {
        LongAccumulator a = COUNTERS.get(name);
        return a == null ? 0 : a.value();
    }

    public static void resetAll() {
        COUNTERS.values().forEach(LongAccumulator::reset);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> counter() { return counter; }

    public Param<String> keyCol() { return keyCol; }

    public RowCounter setCounter(String v) { set(counter, v); return this; }
    public RowCounter setKeyCol(String v) { set(keyCol, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(counter)) {
            throw new IllegalArgumentException(uid + ": counter is not set");
        }
        if (!$(keyCol).isEmpty() && !java.util.Arrays.asList(schema.fieldNames()).contains($(keyCol))) {
            throw new IllegalArgumentException(uid + ": key column " + $(keyCol) + " does not exist");
        }
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        SparkSession spark = dataset.sparkSession();
        LongAccumulator acc = COUNTERS.computeIfAbsent($(counter), n -> spark.sparkContext().longAccumulator(n));
        if (!$(keyCol).isEmpty()) {
            int key = dataset.schema().fieldIndex($(keyCol));
            return dataset.toDF().mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows -> new Iterator<>() {
                private Object previous;
                private boolean first = true;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    Object k = r.get(key);
                    if (first || !Objects.equals(k, previous)) {
                        acc.add(1);
                    }
                    first = false;
                    previous = k;
                    return r;
                }
            }, Encoders.row(dataset.schema()));
        }
        return dataset.toDF().map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> {
            acc.add(1);
            return r;
        }, Encoders.row(dataset.schema()));
    }

    @Override
    public RowCounter copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
