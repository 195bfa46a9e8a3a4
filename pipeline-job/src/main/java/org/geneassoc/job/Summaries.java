package org.geneassoc.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.geneassoc.documents.RowCounter;
import org.geneassoc.ingest.ParsedRecord;
import org.geneassoc.sink.RunSummary;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;

/** The run summary from the (cached) parsed records and the pipeline's counters. */
final class Summaries {
    private static final int SAMPLES = 20;

    private Summaries() {
    }

    static RunSummary of(Dataset<Row> records, String output, boolean pairs, double seconds) {
        long files = records.select(regexp_extract(col("source"), "^(.*?)(#\\d+)?$", 1)).distinct().count();
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> rejected = new TreeMap<>();
        for (Row r : records.groupBy("kind", "reason").count().collectAsList()) {
            byKind.merge(r.getString(0), r.getLong(2), Long::sum);
            if (r.getString(0).equals(ParsedRecord.Kind.REJECTED.name())) {
                rejected.put(r.getString(1), r.getLong(2));
            }
        }
        List<String> failed = new ArrayList<>();
        for (Row r : records.filter(col("kind").equalTo(ParsedRecord.Kind.FILE_FAILED.name())).select("reason").collectAsList()) {
            failed.add(r.getString(0));
        }
        List<String> samples = new ArrayList<>();
        for (Row r : records.filter(col("kind").equalTo(ParsedRecord.Kind.REJECTED.name())).select("source", "reason")
                .limit(SAMPLES).collectAsList()) {
            samples.add(r.getString(0) + ": " + r.getString(1));
        }
        long articles = byKind.getOrDefault(ParsedRecord.Kind.ARTICLE.name(), 0L);
        long noAbstract = byKind.getOrDefault(ParsedRecord.Kind.NO_ABSTRACT.name(), 0L);
        long parsed = articles + noAbstract + byKind.getOrDefault(ParsedRecord.Kind.REJECTED.name(), 0L);
        long abstracts = RowCounter.count(GdaPipeline.ABSTRACTS);
        return new RunSummary(files, failed, parsed, rejected, samples, noAbstract, articles - abstracts, abstracts,
                RowCounter.count(GdaPipeline.ABSTRACTS_SCREENED),
                RowCounter.count(GdaPipeline.ABSTRACTS_SCREENED_IN), pairs, RowCounter.count(GdaPipeline.SENTENCES),
                RowCounter.count(GdaPipeline.PREMISES_SCORED), RowCounter.count(GdaPipeline.GDA_ENTRIES),
                RowCounter.count(GdaPipeline.DOCUMENTS), output,
                Math.round(seconds * 10) / 10.0);
    }
}
