package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geneassoc.evaluation.GoldStandard;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import java.util.Map;
import java.util.HashMap;
import org.geneassoc.evaluation.SetScores;
import org.junit.jupiter.api.io.TempDir;

/** Gene–disease pairs on real BioRED abstracts, checked against their gold relations. */
class PairsTest {
    static final List<String> PMIDS = List.of("15951966", "15069170");
    private static final double FLOOR = 0.55;
    private static final double GAIN_FLOOR = 0.005;

    /** Those records of biored-dev.xml, cut out at test time (the data stays in ../shared). */
    static Path subset(Path dir) throws Exception {
        String xml = Files.readString(SharedData.require("europepmc/biored-dev.xml"));
        StringBuilder out = new StringBuilder("<responseWrapper><resultList>");
        Matcher m = Pattern.compile("<result>.*?</result>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            if (PMIDS.stream().anyMatch(p -> m.group().contains("<pmid>" + p + "</pmid>"))) {
                out.append(m.group());
            }
        }
        Path file = dir.resolve("subset.xml");
        Files.writeString(file, out.append("</resultList></responseWrapper>").toString());
        return file;
    }

    /**
     * A quality floor, under what the shipped models measure on BioRED Dev end to end (P 0.588, R 0.618, F1 0.602 at
     * the default threshold 0.25; co-occurrence F1 0.550; session 33). Dev is in the relation model's training data, so this
     * is no figure to quote (EVALUATION.md quotes nested cross-validation); it is a regression guard on the whole job:
     * entities, sentence head and relation model. It moves with the regularisation and threshold the inner folds choose, so
     * the floors followed the model down three times while the nested cross-validation did not fall: from 0.62 and 0.07 in
     * session 19 (in-sample -0.028, nested 0.5729 to 0.5738); from 0.61 and 0.06 in session 24, when the refitted model's L2
     * rose from 0.01 to 0.1 (in-sample 0.624 to 0.584, nested 0.5803 to 0.5864); and from 0.57 and 0.02 in session 26, when
     * it rose to 0.3 with the threshold 0.15 (in-sample 0.584 to 0.559, nested 0.5864 to 0.5879). Session 27's refit went
     * back to L2 0.1 and threshold 0.2 (in-sample 0.583), and session 28's to L2 0.1 and 0.25 (0.595; 0.597 after session
     * 29's entity change, 0.600 after session 32's and 0.602 after session 33's); the floors stayed.
     */
    @Test
    void bioredDevPairF1StaysAboveItsFloorAndAboveCooccurrence(@TempDir Path dir) throws Exception {
        GoldStandard gold = GoldStandard.read(SharedData.require("biored/Dev.PubTator"));
        Path out = dir.resolve("out");
        JobRunner.Result r = JobRunner.run("--input", SharedData.require("europepmc/biored-dev.xml").toString(), "--output", out.toString(),
                "--association-threshold", "0");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        double threshold = JobRunner.shippedConfig().get("associationThreshold").asDouble();
        Map<String, Set<String>> kept = new HashMap<>();
        Map<String, Set<String>> cooccurring = new HashMap<>();
        for (JsonNode d : JobRunner.documents(out)) {
            for (JsonNode a : d.get("associations")) {
                String pair = GoldStandard.pair(a.get("gene").get("entrezId").asText(), a.get("disease").get("id").asText());
                if (a.get("score").asDouble() >= threshold) {
                    kept.computeIfAbsent(d.get("pmid").asText(), k -> new HashSet<>()).add(pair);
                }
                boolean shared = false;
                for (JsonNode e : a.get("evidence")) {
                    shared |= !e.get("score").isNull();
                }
                if (shared) {
                    cooccurring.computeIfAbsent(d.get("pmid").asText(), k -> new HashSet<>()).add(pair);
                }
            }
        }
        SetScores model = SetScores.of(kept, gold.pairs());
        SetScores co = SetScores.of(cooccurring, gold.pairs());
        assertThat(model.f1()).as("BioRED Dev pair F1 at the shipped threshold %.2f: %s", threshold, model.line("model"))
                .isGreaterThan(FLOOR);
        assertThat(model.f1() - co.f1()).as("gain over co-occurrence (%s)", co.line("co-occurrence")).isGreaterThan(GAIN_FLOOR);
    }

    @Test
    void predictedPairsMatchTheGoldRelationsOfRealAbstracts(@TempDir Path dir) throws Exception {
        GoldStandard gold = GoldStandard.read(SharedData.require("biored/Dev.PubTator"));
        Path out = dir.resolve("out");
        JobRunner.Result r = JobRunner.run("--input", subset(dir).toString(), "--output", out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(JobRunner.summary(out).get("entityRecognition").asBoolean()).isTrue();
        List<JsonNode> docs = JobRunner.documents(out);
        assertThat(docs).extracting(d -> d.get("pmid").asText()).containsExactlyInAnyOrderElementsOf(PMIDS);
        double threshold = JobRunner.shippedConfig().get("associationThreshold").asDouble();
        for (JsonNode d : docs) {
            Set<String> predicted = new HashSet<>();
            for (JsonNode a : d.get("associations")) {
                predicted.add(GoldStandard.pair(a.get("gene").get("entrezId").asText(), a.get("disease").get("id").asText()));
                assertThat(a.get("score").asDouble()).isBetween(threshold, 1.0);
                assertThat(a.get("evidence").size()).isPositive();
            }
            String abs = d.get("abstract").asText();
            for (JsonNode g : d.get("gda")) {
                for (String role : List.of("gene", "disease")) {
                    JsonNode m = g.get(role);
                    assertThat(abs.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo(m.get("text").asText());
                    assertThat(m.get("start").asInt()).isBetween(g.get("start").asInt(), g.get("end").asInt());
                }
            }
        }
        JsonNode hnpcc = docs.stream().filter(d -> d.get("pmid").asText().equals("15951966")).findFirst().orElseThrow();
        assertThat(hnpcc.get("associations")).extracting(a -> a.get("gene").get("symbol").asText()).contains("MLH1", "MSH2");
        assertThat(hnpcc.get("associations").get(0).get("disease").get("meshId").asText()).isEqualTo("D003123");
        assertThat(hnpcc.get("associations").get(0).get("type").asText()).isEqualTo("Association");
    }
}
