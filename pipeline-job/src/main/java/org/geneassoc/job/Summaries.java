package org.geneassoc.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.geneassoc.ingest.ParsedRecord.Kind;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.metrics.RunMetrics.Counter;
import org.geneassoc.sink.RunSummary;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;

/** The run summary from the (cached) parsed records and the run's counters. */
final class Summaries {
    private static final int SAMPLES = 20;

    private Summaries() {
    }

    static RunSummary of(Dataset<Row> records, List<String> filesSkipped, RunMetrics metrics, String output, boolean pairs,
                         String modelVersion, long skippedExisting, double seconds) {
        long files = records.select(regexp_extract(col("source"), "^(.*?)(#\\d+)?$", 1)).distinct().count();
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> rejected = new TreeMap<>();
        for (Row r : records.groupBy("kind", "reason").count().collectAsList()) {
            String kind = r.getAs("kind");
            long n = r.<Long>getAs("count");
            byKind.merge(kind, n, Long::sum);
            if (kind.equals(Kind.REJECTED.name())) {
                rejected.put(r.getAs("reason"), n);
            }
        }
        List<String> failed = new ArrayList<>();
        for (Row r : records.filter(col("kind").equalTo(Kind.FILE_FAILED.name())).select("reason").collectAsList()) {
            failed.add(r.getAs("reason"));
        }
        List<String> samples = new ArrayList<>();
        for (Row r : records.filter(col("kind").equalTo(Kind.REJECTED.name())).select("source", "reason")
                .limit(SAMPLES).collectAsList()) {
            samples.add(r.<String>getAs("source") + ": " + r.<String>getAs("reason"));
        }
        long articles = byKind.getOrDefault(Kind.ARTICLE.name(), 0L);
        long noAbstract = byKind.getOrDefault(Kind.NO_ABSTRACT.name(), 0L);
        long parsed = articles + noAbstract + byKind.getOrDefault(Kind.REJECTED.name(), 0L);
        long abstracts = metrics.count(Counter.ABSTRACTS);
        return new RunSummary(files, failed, filesSkipped, parsed, rejected, samples, noAbstract, articles - skippedExisting - abstracts,
                skippedExisting, abstracts,
                metrics.count(Counter.ABSTRACTS_SCREENED), metrics.count(Counter.ABSTRACTS_SCREENED_IN), pairs,
                metrics.count(Counter.SENTENCES), metrics.count(Counter.PREMISES_SCORED), metrics.count(Counter.CANDIDATE_PAIRS),
                metrics.count(Counter.ASSOCIATIONS),
                metrics.count(Counter.DOCUMENTS), output, modelVersion, Math.round(seconds * 10) / 10.0);
    }
}
