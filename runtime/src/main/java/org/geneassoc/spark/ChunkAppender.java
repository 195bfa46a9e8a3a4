package org.geneassoc.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a partition a chunk of rows at a time, computes one new value per row for the whole chunk in
 * one call (so the encoder can batch), and yields each row with that value appended.
 */
public final class ChunkAppender implements Iterator<Row> {
    private final Iterator<Row> in;
    private final Function<List<Row>, Object[]> compute;
    private final StructType schema;
    private final int chunk;
    private List<Row> ready = List.of();
    private int next;

    /** @param schema the output rows' schema: the input's fields and the computed one */
    public ChunkAppender(Iterator<Row> in, StructType schema, int chunk, Function<List<Row>, Object[]> compute) {
        this.in = in;
        this.schema = schema;
        this.chunk = chunk;
        this.compute = compute;
    }

    @Override
    public boolean hasNext() {
        if (next < ready.size()) {
            return true;
        }
        if (!in.hasNext()) {
            return false;
        }
        List<Row> rows = new ArrayList<>(chunk);
        while (in.hasNext() && rows.size() < chunk) {
            rows.add(in.next());
        }
        Object[] values = compute.apply(rows);
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(Rows.append(rows.get(i), schema, values[i]));
        }
        ready = out;
        next = 0;
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.get(next++);
    }
}
