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
import org.junit.jupiter.api.io.TempDir;

/** Gene–disease pairs on real BioRED abstracts, checked against their gold relations. */
class PairsTest {
    static final List<String> PMIDS = List.of("15951966", "15069170");

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
        int right = 0;
        int predictedCount = 0;
        for (JsonNode d : docs) {
            Set<String> predicted = new HashSet<>();
            for (JsonNode a : d.get("associations")) {
                predicted.add(GoldStandard.pair(a.get("gene").get("entrezId").asText(), a.get("disease").get("id").asText()));
                assertThat(a.get("score").asDouble()).isBetween(threshold, 1.0);
                assertThat(a.get("evidence").size()).isPositive();
            }
            Set<String> goldPairs = gold.pairs().get(d.get("pmid").asText());
            predictedCount += predicted.size();
            right += (int) predicted.stream().filter(goldPairs::contains).count();
            String abs = d.get("abstract").asText();
            for (JsonNode g : d.get("gda")) {
                for (String role : List.of("gene", "disease")) {
                    JsonNode m = g.get(role);
                    assertThat(abs.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo(m.get("text").asText());
                    assertThat(m.get("start").asInt()).isBetween(g.get("start").asInt(), g.get("end").asInt());
                }
            }
        }
        assertThat(right).as("most associations are BioRED relations").isGreaterThan(predictedCount / 2);
        JsonNode hnpcc = docs.stream().filter(d -> d.get("pmid").asText().equals("15951966")).findFirst().orElseThrow();
        assertThat(hnpcc.get("associations")).extracting(a -> a.get("gene").get("symbol").asText()).contains("MLH1", "MSH2");
        assertThat(hnpcc.get("associations").get(0).get("disease").get("meshId").asText()).isEqualTo("D003123");
        assertThat(hnpcc.get("associations").get(0).get("type").asText()).isEqualTo("Association");
    }
}
