package org.geneassoc.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a fetch stands, kept beside its pages ({@code _FETCH_STATE.json}, skipped by {@code run} like every
 * {@code _} file): the query it fetches, the cursor of the next page, pages and records written so far. Written
 * after each page, so an interrupted fetch resumes at the first page it had not finished.
 */
public record FetchState(String searchQuery, String nextCursor, int pages, long records, long hitCount, boolean complete) {
    static final String FILE = "_FETCH_STATE.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static FetchState start(String searchQuery) {
        return new FetchState(searchQuery, "*", 0, 0, -1, false);
    }

    FetchState next(String cursor, long pageRecords, long hits, boolean last) {
        return new FetchState(searchQuery, cursor, pages + 1, records + pageRecords, hits, last);
    }

    FetchState finished(long hits) {
        return new FetchState(searchQuery, nextCursor, pages, records, hits, true);
    }

    static FetchState read(Path dir, Configuration conf) throws IOException {
        Path file = new Path(dir, FILE);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file)) {
            return JSON.readValue(in, FetchState.class);
        } catch (IOException e) {
            throw new IOException("Cannot read the fetch state " + file + " (delete it to start the fetch again): " + e.getMessage(), e);
        }
    }

    void write(Path dir, Configuration conf) throws IOException {
        Path file = new Path(dir, FILE);
        try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, this);
        }
    }
}
