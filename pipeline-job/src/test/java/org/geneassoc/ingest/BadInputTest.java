package org.geneassoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files and records: each is reported by name or reason, and every good record around them survives. */
class BadInputTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SharedSpark.get();
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/ingest", name);
    }

    private static Map<String, List<Row>> readByKind(Path input) throws IOException {
        return ArticleReader.read(spark, input.toString(), InputFormat.AUTO).collectAsList().stream()
                .collect(Collectors.groupingBy(r -> r.getString(0)));
    }

    @Test
    void badFilesAreReportedByNameAndGoodFilesStillRead(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("../samples/europepmc-sample.xml"), dir.resolve("good.xml"));
        for (String f : List.of("truncated.xml", "malformed.json", "billion-laughs.xml", "not-an-article-file.txt")) {
            Files.copy(fixture(f), dir.resolve(f));
        }
        Files.createFile(dir.resolve("empty.xml"));
        HostileXml.xxe(dir, "TOP-SECRET-91");

        Map<String, List<Row>> byKind = readByKind(dir);
        List<String> failures = byKind.get("FILE_FAILED").stream().map(r -> r.getString(2)).sorted().toList();
        assertThat(failures).hasSize(6);
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("billion-laughs.xml").contains("DOCTYPE"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("xxe.xml").contains("DOCTYPE"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("truncated.xml").contains("after 1 records"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("malformed.json").contains("after 1 records"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("empty.xml").contains("empty"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("not-an-article-file.txt").contains("cannot tell the format"));
        assertThat(failures).noneSatisfy(f -> assertThat(f).contains("TOP-SECRET-91"));

        List<String> pmids = byKind.get("ARTICLE").stream().map(r -> r.getString(3)).sorted().toList();
        assertThat(pmids).containsExactly("90000001", "90000002", "90000003", "90000004", "90000005", "90000006",
                "91000001", "91000010");
        assertThat(byKind.get("ARTICLE").toString()).doesNotContain("TOP-SECRET-91").doesNotContain("lollol");
    }

    @Test
    void recordsWithoutPmidAreRejectedAndWithoutAbstractCounted() throws Exception {
        Map<String, List<Row>> byKind = readByKind(fixture("no-pmid-and-no-abstract.xml"));
        assertThat(byKind.get("REJECTED")).extracting(r -> r.getString(2))
                .containsExactlyInAnyOrder("record has no pmid", "pmid 'PMC12345' is not a PubMed identifier");
        assertThat(byKind.get("REJECTED")).extracting(r -> r.getString(1)).allSatisfy(s -> assertThat(s).contains("no-pmid-and-no-abstract.xml#"));
        assertThat(byKind.get("NO_ABSTRACT")).extracting(r -> r.getString(3)).containsExactly("91000020");
        assertThat(byKind.get("ARTICLE")).extracting(r -> r.getString(3)).containsExactly("91000021");
    }

    @Test
    void readsGzipByContentNotName(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("records.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Path.of("../samples/europepmc-sample.xml")));
        }
        assertThat(readByKind(gz).get("ARTICLE")).hasSize(6);
    }

    @Test
    void foldersAreReadRecursivelyAndWhatIsSkippedIsNamed(@TempDir Path dir) throws Exception {
        Path sample = Path.of("../samples/europepmc-sample.xml");
        Files.createDirectories(dir.resolve("2026/11"));
        Files.createDirectories(dir.resolve("_temporary/0"));
        Files.copy(sample, dir.resolve("2026/11/week-47.xml"));
        Files.copy(sample, dir.resolve("_temporary/0/part.xml"));
        Files.copy(sample, dir.resolve(".week-48.xml.swp"));
        Files.createFile(dir.resolve("2026/_SUCCESS"));

        InputFiles files = InputFiles.list(dir.toString(), spark.sparkContext().hadoopConfiguration());
        assertThat(files.files()).singleElement().asString().endsWith("2026/11/week-47.xml");
        assertThat(files.skipped()).hasSize(3).anySatisfy(f -> assertThat(f).endsWith("_temporary/"))
                .anySatisfy(f -> assertThat(f).endsWith(".week-48.xml.swp")).anySatisfy(f -> assertThat(f).endsWith("2026/_SUCCESS"));
        assertThat(readByKind(dir).get("ARTICLE")).hasSize(6);
    }

    /** The scheduled watch of earlier stacks named its folders by time; Hadoop's globbing reads such a name as a URI scheme. */
    @Test
    void aFolderNamedWithColonsIsReadToo(@TempDir Path dir) throws Exception {
        Path sample = Path.of("../samples/europepmc-sample.xml");
        Path timed = Files.createDirectories(dir.resolve("input/watch/2026-11-30T06:00:00Z"));
        Files.copy(sample, timed.resolve("page-000001.xml"));
        assertThat(readByKind(dir.resolve("input")).get("ARTICLE")).hasSize(6);
        assertThat(readByKind(timed).get("ARTICLE")).as("the folder named as the input itself").hasSize(6);
        org.geneassoc.job.JobRunner.Result r = org.geneassoc.job.JobRunner.run("--input", dir.resolve("input").toString(),
                "--output", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(org.geneassoc.job.JobRunner.documents(dir.resolve("out"))).extracting(d -> d.get("pmid").asText()).contains("90000001");
    }

    @Test
    void aFileThatFailsToReadFromTheStoreIsNamedAndTheOthersAreRead(@TempDir Path dir) throws Exception {
        Path sample = Path.of("../samples/europepmc-sample.xml");
        Files.copy(sample, dir.resolve("week-46.xml"));
        Files.copy(sample, dir.resolve("week-47-unreadable.xml"));
        Files.copy(fixture("no-pmid-and-no-abstract.xml"), dir.resolve("week-48.xml"));
        spark.sparkContext().hadoopConfiguration().set("fs." + FaultyFileSystem.SCHEME + ".impl", FaultyFileSystem.class.getName());
        spark.sparkContext().hadoopConfiguration().setBoolean("fs." + FaultyFileSystem.SCHEME + ".impl.disable.cache", true);

        Map<String, List<Row>> byKind = readByKind(Path.of(FaultyFileSystem.SCHEME + "://" + dir.toAbsolutePath()));
        assertThat(byKind.get("FILE_FAILED")).singleElement().extracting(r -> r.getString(2)).asString()
                .contains("week-47-unreadable.xml").contains("503 Slow Down");
        assertThat(byKind.get("ARTICLE")).extracting(r -> r.getString(3)).hasSize(7).contains("90000001", "91000021");
    }

    @Test
    void aFolderWithNothingToReadSaysWhatItSkipped(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("_SUCCESS"));
        assertThatThrownBy(() -> InputFiles.list(dir.toString(), spark.sparkContext().hadoopConfiguration()))
                .isInstanceOf(IOException.class).hasMessageContaining("holds no file to read").hasMessageContaining("_SUCCESS");
    }

    @Test
    void aMissingInputPathIsAClearError(@TempDir Path dir) {
        String missing = dir.resolve("nowhere/*.xml").toString();
        assertThatThrownBy(() -> ArticleReader.read(spark, missing, InputFormat.AUTO))
                .isInstanceOf(IOException.class).hasMessage("Input path " + missing + " does not exist");
    }

    @Test
    void anEntityReferenceWithoutDeclarationFailsTheFile() {
        String xml = "<responseWrapper><resultList><result><pmid>1</pmid><abstractText>&undeclared;</abstractText></result>"
                + "</resultList></responseWrapper>";
        assertThatThrownBy(() -> ArticleReader.parseStream(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "inline.xml", InputFormat.AUTO, a -> { })).hasMessageContaining("undeclared");
    }
}
