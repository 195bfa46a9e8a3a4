package org.geneassoc.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.metrics.RunMetrics.Counter;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.Test;

class RowCounterTest {
    private static final StructType SCHEMA = new StructType().add("pmid", DataTypes.StringType).add("pair", DataTypes.IntegerType);

    private static Dataset<Row> pairRows() {
        List<Row> rows = List.of(RowFactory.create("1", 1), RowFactory.create("1", 2), RowFactory.create("2", 1),
                RowFactory.create("3", 1), RowFactory.create("3", 2), RowFactory.create("3", 3));
        return SharedSpark.get().createDataFrame(rows, SCHEMA).coalesce(1);
    }

    @Test
    void countsRowsOrArticlesWithoutChangingTheRows() {
        RunMetrics run = RunMetrics.register(SharedSpark.get().sparkContext());
        Dataset<Row> in = pairRows();
        Dataset<Row> out = run.counter(Counter.ABSTRACTS).setKeyCol("pmid")
                .transform(run.counter(Counter.SENTENCES).transform(in));
        assertThat(out.collectAsList()).containsExactlyElementsOf(in.collectAsList());
        assertThat(run.count(Counter.SENTENCES)).isEqualTo(6);
        assertThat(run.count(Counter.ABSTRACTS)).isEqualTo(3);
    }

    @Test
    void twoRunsInOneSessionKeepTheirOwnCounts() {
        RunMetrics first = RunMetrics.register(SharedSpark.get().sparkContext());
        RunMetrics second = RunMetrics.register(SharedSpark.get().sparkContext());
        first.counter(Counter.SENTENCES).transform(pairRows()).count();
        second.counter(Counter.SENTENCES).transform(pairRows().limit(2)).count();
        first.counter(Counter.SENTENCES).transform(pairRows()).count();
        assertThat(first.count(Counter.SENTENCES)).isEqualTo(12);
        assertThat(second.count(Counter.SENTENCES)).isEqualTo(2);
    }

    @Test
    void anUnknownKeyColumnIsNamed() {
        assertThatThrownBy(() -> new RowCounter().setCounter("test-bad").setKeyCol("doi").transform(pairRows()))
                .hasMessageContaining("doi");
    }
}
