package org.geneassoc.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * Rows that keep their schema. Spark hands a row built in one typed stage straight to the next one
 * without re-reading it, so a row made without its schema could not be read by field name there.
 */
public final class Rows {
    private Rows() {
    }

    /** {@code row}'s values followed by {@code extra}, as a row of {@code schema} (the input's fields, then the new ones). */
    public static Row append(Row row, StructType schema, Object... extra) {
        int n = row.length();
        Object[] cells = new Object[n + extra.length];
        for (int c = 0; c < n; c++) {
            cells[c] = row.get(c);
        }
        System.arraycopy(extra, 0, cells, n, extra.length);
        return new GenericRowWithSchema(cells, schema);
    }
}
