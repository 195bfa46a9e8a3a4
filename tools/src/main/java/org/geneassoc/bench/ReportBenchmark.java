package org.geneassoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.report.Report;
import org.geneassoc.report.ReportData;

/**
 * The report of a big output: the documents of a real run copied to {@code documents} with distinct pmids, written
 * as JSON Lines, then the report of that folder timed (reading included) and its size measured. A large corpus
 * names far more distinct gene–disease pairs than a few hundred abstracts, so copies fall into {@code cohorts}
 * whose genes get the cohort's number appended to symbol and ID: about {@code cohorts} times the run's pairs.
 */
public final class ReportBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportBenchmark() {
    }

    public static Map<String, String> run(SparkSession spark, Path runOutput, int documents, int cohorts, Path work) throws IOException {
        List<ObjectNode> originals = new ArrayList<>();
        try (Stream<Path> files = Files.list(runOutput)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        originals.add((ObjectNode) JSON.readTree(line));
                    }
                }
            }
        }
        if (originals.isEmpty()) {
            throw new IllegalArgumentException(runOutput + " holds no part-* documents of a run");
        }
        Path folder = Files.createDirectories(work.resolve("documents"));
        int files = 8;
        List<BufferedWriter> out = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            out.add(Files.newBufferedWriter(folder.resolve(String.format(Locale.ROOT, "part-%05d.json", f))));
        }
        for (int i = 0; i < documents; i++) {
            ObjectNode doc = originals.get(i % originals.size()).deepCopy();
            int copy = i / originals.size();
            String pmid = doc.get("pmid").asText() + String.format(Locale.ROOT, "%04d", copy);
            doc.put("_id", pmid).put("pmid", pmid);
            String cohort = "-" + (copy % cohorts);
            for (JsonNode a : doc.withArray("associations")) {
                ObjectNode gene = (ObjectNode) a.get("gene");
                gene.put("entrezId", gene.get("entrezId").asText() + cohort).put("symbol", gene.path("symbol").asText() + cohort);
            }
            BufferedWriter w = out.get(i % files);
            w.write(JSON.writeValueAsString(doc));
            w.newLine();
        }
        for (BufferedWriter w : out) {
            w.close();
        }
        Path html = work.resolve("report.html");
        long t0 = System.nanoTime();
        ReportData data = Report.write(Report.fromFolder(spark, folder.toString()), folder.toString(), null, null, html.toString(),
                ReportData.Limits.DEFAULT);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("report_documents", String.valueOf(data.documents()));
        figures.put("report_article_associations", String.valueOf(data.articleAssociations()));
        figures.put("report_pairs", String.valueOf(data.associations()));
        figures.put("report_pairs_listed", String.valueOf(data.pairs().size()));
        figures.put("report_seconds", String.format(Locale.ROOT, "%.1f", seconds));
        figures.put("report_megabytes", String.format(Locale.ROOT, "%.2f", Files.size(html) / 1e6));
        figures.put("report_file", html.toString());
        return figures;
    }
}
