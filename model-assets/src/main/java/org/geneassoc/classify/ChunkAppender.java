package org.geneassoc.classify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads a partition a chunk of rows at a time, computes one new value per row for the whole chunk in
 * one call (so the encoder can batch), and yields each row with that value appended.
 */
final class ChunkAppender implements Iterator<Row> {
    private final Iterator<Row> in;
    private final Function<List<Row>, Object[]> compute;
    private final int chunk;
    private List<Row> ready = List.of();
    private int next;

    ChunkAppender(Iterator<Row> in, int chunk, Function<List<Row>, Object[]> compute) {
        this.in = in;
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
            Row r = rows.get(i);
            Object[] cells = new Object[r.length() + 1];
            for (int c = 0; c < r.length(); c++) {
                cells[c] = r.get(c);
            }
            cells[r.length()] = values[i];
            out.add(RowFactory.create(cells));
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
