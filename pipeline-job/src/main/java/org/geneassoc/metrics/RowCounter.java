package org.geneassoc.metrics;

import org.geneassoc.spark.BaseTransformer;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Passes rows through unchanged and counts them in an accumulator, so progress and the run summary need
 * no extra pass over the data; a {@link PartitionCounts}, so a partition Spark computes twice counts once.
 * The accumulator is the run's ({@link RunMetrics#counter}); a counter loaded from a saved pipeline
 * registers its own on first use. With {@code keyCol} it counts runs of equal keys
 * instead of rows: articles, when the rows of one article are adjacent (as they are after de-duplication).
 */
public class RowCounter extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    private final Param<String> counter;
    private final Param<String> keyCol;
    private PartitionCounts accumulator;

    public RowCounter() {
        this(Identifiable$.MODULE$.randomUID("rowCounter"));
    }

    public RowCounter(String uid) {
        super(uid);
        counter = new Param<>(this, "counter", "accumulator name");
        keyCol = new Param<>(this, "keyCol", "when set, count runs of equal values of this column rather than rows");
        setDefault(keyCol, "");
    }

    public static MLReader<RowCounter> read() {
        return new DefaultParamsReadable<RowCounter>() { }.read();
    }

    public Param<String> counter() { return counter; }

    public Param<String> keyCol() { return keyCol; }

    public RowCounter setCounter(String v) { set(counter, v); return this; }
    public RowCounter setKeyCol(String v) { set(keyCol, v); return this; }

    /** Where the counts go; not a Param, since an accumulator belongs to one run, not to the pipeline. */
    public RowCounter setAccumulator(PartitionCounts a) {
        this.accumulator = a;
        return this;
    }

    /** This stage's count so far; 0 before it ran. */
    public long count() {
        return accumulator == null ? 0 : accumulator.value();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(counter)) {
            throw new IllegalArgumentException(uid() + ": counter is not set");
        }
        if (!$(keyCol).isEmpty() && !java.util.Arrays.asList(schema.fieldNames()).contains($(keyCol))) {
            throw new IllegalArgumentException(uid() + ": key column " + $(keyCol) + " does not exist");
        }
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        if (accumulator == null) {
            accumulator = PartitionCounts.register(dataset.sparkSession().sparkContext(), $(counter));
        }
        PartitionCounts acc = accumulator;
        long slot = acc.newSlot();
        String key = $(keyCol);
        if (!key.isEmpty()) {
            return dataset.toDF().mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Iterator<>() {
                private Object previous;
                private boolean first = true;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    Object k = r.getAs(key);
                    if (first || !Objects.equals(k, previous)) {
                        acc.add(new PartitionCounts.Count(slot, 1));
                    }
                    first = false;
                    previous = k;
                    return r;
                }
            }, Encoders.row(dataset.schema()));
        }
        return dataset.toDF().map((MapFunction<Row, Row>) r -> {
            acc.add(new PartitionCounts.Count(slot, 1));
            return r;
        }, Encoders.row(dataset.schema()));
    }

    @Override
    public RowCounter copy(ParamMap extra) {
        RowCounter c = defaultCopy(extra);
        return c.setAccumulator(accumulator);
    }
}
