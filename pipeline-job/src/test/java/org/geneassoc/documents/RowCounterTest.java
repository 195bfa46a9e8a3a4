package org.geneassoc.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
        Dataset<Row> in = pairRows();
        Dataset<Row> out = new RowCounter().setCounter("test-articles").setKeyCol("pmid")
                .transform(new RowCounter().setCounter("test-rows").transform(in));
        assertThat(out.collectAsList()).containsExactlyElementsOf(in.collectAsList());
        assertThat(RowCounter.count("test-rows")).isEqualTo(6);
        assertThat(RowCounter.count("test-articles")).isEqualTo(3);
    }

    @Test
    void anUnknownKeyColumnIsNamed() {
        assertThatThrownBy(() -> new RowCounter().setCounter("test-bad").setKeyCol("doi").transform(pairRows()))
                .hasMessageContaining("doi");
    }
}
