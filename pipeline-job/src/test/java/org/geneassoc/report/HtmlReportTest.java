package org.geneassoc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the report computes from documents, and that article text cannot become markup in its file. */
class HtmlReportTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A document in the job's JSON Lines shape with one association, its texts all {@code text}. */
    static String hostileDocument(String text) {
        String sentence = "Mutations in " + text + " cause " + text + ".";
        int gene = sentence.indexOf(text);
        int disease = sentence.lastIndexOf(text);
        return document("90000777", text, text, "2024-01-02", "2026-12-01T10:00:00Z",
                association("672", text, "D001943", text, 0.9, sentence, gene, disease, text.length())).toString();
    }

    private static ObjectNode document(String pmid, String title, String journal, String date, String processedAt, ObjectNode... associations) {
        ObjectNode d = F.objectNode().put("_id", pmid).put("pmid", pmid).put("title", title).put("journal", journal)
                .put("firstPublicationDate", date).put("abstract", "").put("modelVersion", "0123456789abcdef").put("processedAt", processedAt);
        d.putArray("gda");
        d.putArray("associations").addAll(List.of(associations));
        return d;
    }

    private static ObjectNode association(String entrezId, String symbol, String diseaseId, String diseaseName, double score, String sentence,
                                          int geneAt, int diseaseAt, int length) {
        ObjectNode a = F.objectNode();
        a.putObject("gene").put("symbol", symbol).put("entrezId", entrezId).put("taxon", "9606");
        a.putObject("disease").put("name", diseaseName).put("meshId", diseaseId).put("id", diseaseId);
        a.put("score", score).put("type", "Association");
        ArrayNode evidence = a.putArray("evidence");
        ObjectNode e = evidence.addObject().put("sentence", sentence).put("start", 100).put("end", 100 + sentence.length()).put("score", 0.8);
        e.putObject("gene").put("text", sentence.substring(geneAt, geneAt + length)).put("start", 100 + geneAt).put("end", 100 + geneAt + length);
        e.putObject("disease").put("text", sentence.substring(diseaseAt, diseaseAt + length)).put("start", 100 + diseaseAt)
                .put("end", 100 + diseaseAt + length);
        return a;
    }

    @Test
    void articleTextIsDataInTheFileNeverMarkup(@TempDir Path dir) throws Exception {
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\u2028\"&";
        Files.writeString(dir.resolve("part-00000.json"), hostileDocument(hostile) + "\n");
        Path report = dir.resolve("report.html");
        Report.write(Report.fromFolder(SharedSpark.get(), dir.toString()), "folder", null, null, report.toString(), ReportData.Limits.DEFAULT);
        String html = Files.readString(report);
        assertThat(html).doesNotContain("<img", "alert(1)</script>", "\u2028")
                .contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003cimg src=x onerror=alert(2)\\u003e\\u2028\\\"\\u0026")
                .as("one script runs, the page's own, by its nonce").containsOnlyOnce("<script nonce=")
                .contains("script-src 'nonce-");
    }

    @Test
    void associationsAreAggregatedOverArticlesAndTheLatestRunsAreNew(@TempDir Path dir) throws Exception {
        String s = "BRCA1 variants raise breast cancer risk.";
        String old = "2026-11-01T06:00:00Z";
        String latest = "2026-11-08T06:00:00Z";
        List<ObjectNode> docs = List.of(
                document("1", "A", "J", "2020-01-01", old, association("672", "BRCA1", "D001943", "Breast Neoplasms", 0.92, s, 0, 21, 5),
                        association("7157", "TP53", "D009369", "Neoplasms", 0.42, s, 0, 21, 5)),
                document("2", "B", "J", "2022-05-05", old, association("672", "BRCA1", "D001943", "Breast Neoplasms", 0.52, s, 0, 21, 5)),
                document("3", "C", "J", "2021-03-03", latest, association("672", "BRCA1", "D001943", "Breast Neoplasms", 0.72, s, 0, 21, 5)));
        StringBuilder lines = new StringBuilder();
        docs.forEach(d -> lines.append(d).append('\n'));
        Files.writeString(dir.resolve("part-00000.json"), lines);

        ReportData data = ReportData.of(Report.fromFolder(SharedSpark.get(), dir.toString()), new ReportData.Limits(1, 2, 1, 10));
        assertThat(data.documents()).isEqualTo(3);
        assertThat(data.articleAssociations()).isEqualTo(4);
        assertThat(data.associations()).isEqualTo(2);
        assertThat(data.associationsNotShown()).as("one listed, the other counted").isEqualTo(1);
        assertThat(data.severalRuns()).isTrue();
        assertThat(data.newDocuments()).isEqualTo(1);
        assertThat(data.lastProcessed()).isEqualTo(latest);
        ReportData.Pair brca1 = data.pairs().get(0);
        assertThat(brca1.symbol()).isEqualTo("BRCA1");
        assertThat(brca1.articles()).isEqualTo(3);
        assertThat(brca1.bestScore()).isEqualTo(0.92f);
        assertThat(brca1.meanScore()).isCloseTo(0.72, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(brca1.newestDate()).isEqualTo("2022-05-05");
        assertThat(brca1.isNew()).as("pmid 3 came in the latest run").isTrue();
        assertThat(brca1.evidence()).as("the two best articles, best first").extracting(ReportData.ArticleEvidence::pmid)
                .containsExactly("1", "3");
        assertThat(brca1.evidence().get(0).sentences().get(0).marks()).extracting(m -> s.substring(m.start(), m.end()))
                .containsExactly("BRCA1", "breast cancer".substring(0, 5));
        assertThat(data.articles()).containsOnlyKeys("1", "3");
        assertThat(data.articles().get("3").isNew()).isTrue();
        assertThat(data.articles().get("1").isNew()).isFalse();
        assertThat(data.topGenes()).extracting(ReportData.Ranked::name, ReportData.Ranked::articles)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BRCA1", 3L), org.assertj.core.groups.Tuple.tuple("TP53", 1L));
        assertThat(data.scoreBins()[18]).as("0.90-0.95").isEqualTo(1);
        assertThat(data.scoreBins()[14]).as("0.70-0.75").isEqualTo(1);
        assertThat(data.scoreBins()[10]).as("0.50-0.55").isEqualTo(1);
        assertThat(data.scoreBins()[8]).as("0.40-0.45").isEqualTo(1);
    }
}
