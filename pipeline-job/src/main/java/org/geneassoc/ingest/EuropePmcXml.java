package org.geneassoc.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;

/** Europe PMC REST search results in XML ({@code responseWrapper/resultList/result}, resultType=core). */
final class EuropePmcXml {
    private static final String AUTHOR = "authorList/author/";
    private static final Set<String> WANTED = Set.of("pmid", "title", "abstractText", "firstPublicationDate",
            "journalInfo/journal/title", AUTHOR + "fullName", AUTHOR + "lastName", AUTHOR + "firstName",
            AUTHOR + "initials", AUTHOR + "collectiveName");

    private EuropePmcXml() {
    }

    static int parse(InputStream in, String file, Consumer<Article> out) throws XMLStreamException {
        int[] n = {0};
        return XmlRecords.read(in, "result", WANTED, fields -> {
            String pmid = null, title = null, abs = null, date = null, journal = null;
            List<Author> authors = new ArrayList<>();
            AuthorBuilder current = null;
            for (XmlRecords.Field f : fields) {
                switch (f.path()) {
                    case "pmid" -> pmid = f.text().strip();
                    case "title" -> title = f.text();
                    case "abstractText" -> abs = f.text();
                    case "firstPublicationDate" -> date = Dates.iso(f.text());
                    case "journalInfo/journal/title" -> journal = f.text().strip();
                    default -> {
                        // Author fields arrive in document order; a repeated field starts the next author.
                        String field = f.path().substring(AUTHOR.length());
                        if (current == null || current.has(field)) {
                            if (current != null) {
                                authors.add(current.build());
                            }
                            current = new AuthorBuilder();
                        }
                        current.set(field, f.text().strip());
                    }
                }
            }
            if (current != null) {
                authors.add(current.build());
            }
            out.accept(new Article(pmid, journal, date, List.copyOf(authors), title, abs, file + "#" + (++n[0])));
        });
    }
}
