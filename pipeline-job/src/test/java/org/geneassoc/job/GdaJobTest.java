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
import org.geneassoc.config.Setting;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GdaJobTest {

    private static final Set<String> TYPES = Set.of("Association", "Positive_Correlation", "Negative_Correlation");

    /**
     * One document per pmid; gda sentences cut from the abstract, in text order, at least the sentence threshold;
     * with entity recognition every document has associations at least the association threshold, each with a type
     * and evidence cut from the abstract; without it, gda sentences and no associations.
     */
    private static void assertWellFormed(List<JsonNode> docs, boolean pairs, double associationThreshold, double sentenceThreshold) {
        Set<String> ids = new HashSet<>();
        for (JsonNode d : docs) {
            assertThat(ids.add(d.get("_id").asText())).as("one document per pmid").isTrue();
            assertThat(d.get("_id").asText()).isEqualTo(d.get("pmid").asText());
            String abs = d.get("abstract").asText();
            int previous = -1;
            for (JsonNode g : d.get("gda")) {
                int start = g.get("start").asInt();
                int end = g.get("end").asInt();
                assertThat(start).isGreaterThanOrEqualTo(previous).isLessThan(end);
                assertThat(abs.substring(start, end)).isEqualTo(g.get("sentence").asText());
                assertThat(g.get("score").asDouble()).isBetween(sentenceThreshold, 1.0);
                previous = start;
            }
            if (!pairs) {
                assertThat(d.get("gda").size()).isPositive();
                assertThat(d.get("associations")).isEmpty();
                continue;
            }
            assertThat(d.get("associations").size()).isPositive();
            double best = 1;
            for (JsonNode a : d.get("associations")) {
                assertThat(a.get("score").asDouble()).isBetween(associationThreshold, best);
                best = a.get("score").asDouble();
                assertThat(a.get("type").asText()).isIn(TYPES);
                for (JsonNode e : a.get("evidence")) {
                    assertThat(abs.substring(e.get("start").asInt(), e.get("end").asInt())).isEqualTo(e.get("sentence").asText());
                }
            }
        }
    }

    @Test
    void findsAssociationsInRealBioredAbstracts(@TempDir Path out) throws Exception {
        Path input = SharedData.require("europepmc/biored-dev.xml");
        JobRunner.Result r = JobRunner.run("--input", input.toString(), "--output", out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        List<JsonNode> docs = JobRunner.documents(out);
        JsonNode summary = JobRunner.summary(out);
        assertThat(summary.get("recordsParsed").asLong()).isEqualTo(100);
        assertThat(summary.get("abstracts").asLong()).isEqualTo(100);
        assertThat(summary.get("entityRecognition").asBoolean()).isTrue();
        assertThat(summary.get("abstractsScreened").asLong()).as("pairs need no abstract screen").isZero();
        assertThat(summary.get("premisesScored").asLong()).as("one premise per pair and sentence naming both")
                .isBetween(100L, summary.get("candidatePairs").asLong() * 10);
        assertThat(summary.get("sentences").asLong()).isGreaterThan(500);
        long associations = docs.stream().mapToLong(d -> d.get("associations").size()).sum();
        assertThat(summary.get("associations").asLong()).isEqualTo(associations).isLessThan(summary.get("candidatePairs").asLong());
        assertThat(summary.get("documentsWritten").asLong()).isEqualTo(docs.size()).isBetween(50L, 100L);
        double threshold = Double.parseDouble(JobRunner.shippedConfig().get("associationThreshold").asText());
        assertWellFormed(docs, true, threshold, 0.7);
        assertThat(r.stdout()).contains(docs.size() + " documents with " + associations + " associations");
    }

    @Test
    void duplicatedPmidsCollapseAndFieldsKeepTheirShape(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("../samples/europepmc-sample.xml"), in.resolve("a.xml"));
        Files.copy(Path.of("../samples/europepmc-sample.xml"), in.resolve("b.xml"));
        Path out = dir.resolve("out");
        JobRunner.Result r = JobRunner.run("--input", in.toString(), "--output", out.toString(),
                "--abstract-threshold", "0", "--association-threshold", "0", "--sentence-threshold", "0.5");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode summary = JobRunner.summary(out);
        assertThat(summary.get("recordsParsed").asLong()).isEqualTo(12);
        assertThat(summary.get("duplicateRecords").asLong()).isEqualTo(6);
        assertThat(summary.get("abstracts").asLong()).isEqualTo(6);
        List<JsonNode> docs = JobRunner.documents(out);
        assertThat(summary.get("entityRecognition").asBoolean()).as("the build ships a vocabulary, with or without ../shared").isTrue();
        assertThat(docs).as("the wheat and rostering abstracts name no gene, so have no pair").hasSize(4);
        assertWellFormed(docs, true, 0, 0.5);
        JsonNode brca = docs.stream().filter(d -> d.get("pmid").asText().equals("90000001")).findFirst().orElseThrow();
        assertThat(brca.get("journal").asText()).isEqualTo("Journal of Demonstration Genetics");
        assertThat(brca.get("firstPublicationDate").asText()).isEqualTo("2024-03-14");
        assertThat(brca.get("authors")).hasSize(2);
        assertThat(brca.get("authors").get(1).get("fullName").asText()).isEqualTo("Okafor CN");
        assertThat(brca.get("abstract").asText()).startsWith("BACKGROUND: Inherited variants in BRCA1 are").contains("p < 0.001")
                .doesNotContain("<i>");
        assertThat(brca.get("abstractScore").isNull()).as("no screen with pairs").isTrue();
        assertThat(brca.get("associations").get(0).get("gene").get("symbol").asText()).isEqualTo("BRCA1");
    }

    @Test
    void aBadFileIsNamedTheRestIsWrittenAndTheExitCodeSaysSo(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("../samples/europepmc-sample.xml"), in.resolve("good.xml"));
        org.geneassoc.ingest.HostileXml.xxe(in, "TOP-SECRET-JOB");
        JobRunner.Result strict = JobRunner.run("--input", in.toString(), "--output", dir.resolve("strict").toString(),
                "--abstract-threshold", "0", "--sentence-threshold", "0", "--fail-on-bad-input");
        assertThat(strict.exitCode()).as("asked to fail on bad input").isEqualTo(3);
        assertThat(JobRunner.documents(dir.resolve("strict"))).as("the good file is written all the same").isNotEmpty();
        Path onlyBad = Files.createDirectories(dir.resolve("only-bad"));
        org.geneassoc.ingest.HostileXml.xxe(onlyBad, "TOP-SECRET-JOB");
        assertThat(JobRunner.run("--input", onlyBad.toString(), "--output", dir.resolve("none").toString()).exitCode())
                .as("nothing could be read").isEqualTo(3);

        Path out = dir.resolve("out");
        JobRunner.Result r = JobRunner.run("--input", in.toString(), "--output", out.toString(), "--abstract-threshold", "0",
                "--sentence-threshold", "0");
        assertThat(r.exitCode()).as("a run that read and wrote the good file succeeds").isZero();
        assertThat(r.stderr()).contains("xxe.xml").contains("--fail-on-bad-input makes this exit 3");
        assertThat(JobRunner.summary(out).get("filesFailed").toString()).contains("xxe.xml");
        assertThat(JobRunner.documents(out)).isNotEmpty();
        try (var files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("TOP-SECRET-JOB");
            }
        }
    }

    @Test
    void withoutAVocabularyWholeSentencesAreScoredAndSaidSo(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String part : List.of("encoder", "gda-classifier")) {
            Files.createSymbolicLink(models.resolve(part), Path.of(SharedData.models(), part).toAbsolutePath());
        }
        Path out = dir.resolve("out");
        JobRunner.Result r = JobRunner.run("--input", "../samples/europepmc-sample.xml", "--output", out.toString(),
                "--models", models.toString(), "--abstract-threshold", "0", "--sentence-threshold", "0.5");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("no entity vocabulary at " + models.resolve("vocabulary"));
        JsonNode summary = JobRunner.summary(out);
        assertThat(summary.get("entityRecognition").asBoolean()).isFalse();
        assertThat(summary.get("premisesScored").asLong()).isEqualTo(summary.get("sentences").asLong());
        List<JsonNode> docs = JobRunner.documents(out);
        assertWellFormed(docs, false, 0, 0.5);
        assertThat(docs).isNotEmpty().allSatisfy(d -> assertThat(d.get("gda").get(0).get("gene").isNull()).isTrue());
    }

    @Test
    void aMissingInputExitsNonZeroNamingIt(@TempDir Path dir) {
        JobRunner.Result r = JobRunner.run("--input", dir.resolve("absent.xml").toString(), "--output", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("Input path " + dir.resolve("absent.xml") + " does not exist");
    }

    @Test
    void unknownFlagsAndBadValuesAreNamed(@TempDir Path dir) {
        JobRunner.Result unknown = JobRunner.run("--input", "x", "--colour", "blue");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("--colour");
        JobRunner.Result bad = JobRunner.run("--input", "../samples/europepmc-sample.xml", "--output", dir.toString(),
                "--sentence-threshold", "1.5", "--format", "csv");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).contains("sentenceThreshold '1.5' (from flag --sentence-threshold)")
                .contains("format 'csv' (from flag --format)");
    }

    @Test
    void helpListsEveryFlagWithItsDefault() {
        JobRunner.Result help = JobRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        for (Setting s : Setting.values()) {
            assertThat(help.stdout()).contains(s.isSwitch() ? s.flag() : s.flag() + " " + s.label());
        }
        assertThat(help.stdout()).contains("Default: 0.8.").contains("Env: MONGODB_CONNECTION_URI.");
    }

    @Test
    void twoRunsInOneSessionEachCountTheirOwnRecords(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big");
        Path small = dir.resolve("small");
        JobRunner.Result first = JobRunner.run("--input", "../samples/europepmc-sample.xml", "--output", big.toString());
        Path one = dir.resolve("one.xml");
        String sample = Files.readString(Path.of("../samples/europepmc-sample.xml"));
        Matcher m = Pattern.compile("<result>.*?</result>", Pattern.DOTALL).matcher(sample);
        assertThat(m.find()).isTrue();
        Files.writeString(one, "<responseWrapper><resultList>" + m.group() + "</resultList></responseWrapper>");
        JobRunner.Result second = JobRunner.run("--input", one.toString(), "--output", small.toString());
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(JobRunner.summary(big).get("recordsParsed").asLong()).isEqualTo(6);
        assertThat(JobRunner.summary(big).get("abstracts").asLong()).isEqualTo(6);
        assertThat(JobRunner.summary(small).get("recordsParsed").asLong()).isEqualTo(1);
        assertThat(JobRunner.summary(small).get("abstracts").asLong()).isEqualTo(1);
    }
}
