package org.geneassoc.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;

/**
 * PubMed XML ({@code PubmedArticleSet/PubmedArticle}) as efetch and the annual baseline give it.
 * The first publication date is the earliest of the electronic article date and the dates PubMed
 * recorded the citation ({@code entrez}, {@code pubmed}); the journal issue date is the fallback.
 */
final class PubmedXml {
    private static final String CIT = "MedlineCitation/";
    private static final String ART = CIT + "Article/";
    private static final String AUTHOR = ART + "AuthorList/Author/";
    private static final String HISTORY = "PubmedData/History/PubMedPubDate/";
    private static final Set<String> DATE_PARTS = Set.of("Year", "Month", "Day");
    private static final Set<String> WANTED = wanted();

    private PubmedXml() {
    }

    private static Set<String> wanted() {
        Set<String> w = new java.util.HashSet<>(Set.of(CIT + "PMID", ART + "Journal/Title", ART + "ArticleTitle",
                ART + "Abstract/AbstractText", AUTHOR + "LastName", AUTHOR + "ForeName", AUTHOR + "Initials",
                AUTHOR + "CollectiveName"));
        for (String part : DATE_PARTS) {
            w.add(ART + "ArticleDate/" + part);
            w.add(HISTORY + part);
            w.add(ART + "Journal/JournalIssue/PubDate/" + part);
        }
        return Set.copyOf(w);
    }

    static int parse(InputStream in, String file, Consumer<Article> out) throws XMLStreamException {
        int[] n = {0};
        return XmlRecords.read(in, "PubmedArticle", WANTED, fields -> {
            String pmid = null, title = null, journal = null;
            List<String> abstractParts = new ArrayList<>();
            List<Author> authors = new ArrayList<>();
            AuthorBuilder author = null;
            Map<String, Map<String, String>> dates = new HashMap<>();
            for (XmlRecords.Field f : fields) {
                String p = f.path();
                if (p.equals(CIT + "PMID")) {
                    pmid = f.text().strip();
                } else if (p.equals(ART + "Journal/Title")) {
                    journal = f.text().strip();
                } else if (p.equals(ART + "ArticleTitle")) {
                    title = f.text();
                } else if (p.equals(ART + "Abstract/AbstractText")) {
                    String label = f.attributes().get("Label");
                    abstractParts.add(label == null || label.isBlank() ? f.text().strip() : label + ": " + f.text().strip());
                } else if (p.startsWith(AUTHOR)) {
                    String field = switch (p.substring(AUTHOR.length())) {
                        case "LastName" -> "lastName";
                        case "ForeName" -> "firstName";
                        case "Initials" -> "initials";
                        default -> "collectiveName";
                    };
                    if (author == null || author.has(field)) {
                        if (author != null) {
                            authors.add(author.build());
                        }
                        author = new AuthorBuilder();
                    }
                    author.set(field, f.text().strip());
                } else {
                    String part = p.substring(p.lastIndexOf('/') + 1);
                    String kind = p.startsWith(HISTORY) ? "history:" + f.parentAttributes().getOrDefault("PubStatus", "")
                            : p.startsWith(ART + "ArticleDate") ? "article" : "issue";
                    dates.computeIfAbsent(kind, k -> new HashMap<>()).put(part, f.text());
                }
            }
            if (author != null) {
                authors.add(author.build());
            }
            String abs = abstractParts.isEmpty() ? null : String.join(" ", abstractParts);
            out.accept(new Article(pmid, journal, firstPublication(dates), List.copyOf(authors), title, abs, file + "#" + (++n[0])));
        });
    }

    private static String firstPublication(Map<String, Map<String, String>> dates) {
        String best = null;
        for (String kind : List.of("article", "history:entrez", "history:pubmed")) {
            Map<String, String> d = dates.get(kind);
            String iso = d == null ? null : Dates.of(d.get("Year"), d.get("Month"), d.get("Day"));
            if (iso != null && (best == null || iso.compareTo(best) < 0)) {
                best = iso;
            }
        }
        if (best == null && dates.containsKey("issue")) {
            Map<String, String> d = dates.get("issue");
            best = Dates.of(d.get("Year"), d.get("Month"), d.get("Day"));
        }
        return best;
    }
}
