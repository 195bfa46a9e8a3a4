package org.geneassoc.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Europe PMC REST search results in JSON ({@code resultList.result[]}); records are streamed one at a time. */
final class EuropePmcJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EuropePmcJson() {
    }

    static int parse(InputStream in, String file, Consumer<Article> out) throws IOException {
        int n = 0;
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a Europe PMC JSON response (no top-level object)");
            }
            boolean sawResults = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                p.nextToken();
                if (!name.equals("resultList")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.getCurrentName();
                    p.nextToken();
                    if (!inner.equals("result") || p.currentToken() != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    sawResults = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode r = JSON.readTree(p);
                        out.accept(article(r, file + "#" + (++n)));
                    }
                }
            }
            if (!sawResults) {
                throw new IOException("no resultList.result array: not a Europe PMC search response");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("malformed JSON after " + n + " records: " + e.getOriginalMessage(), e);
        }
        return n;
    }

    private static Article article(JsonNode r, String source) {
        List<Author> authors = new ArrayList<>();
        for (JsonNode a : r.path("authorList").path("author")) {
            AuthorBuilder b = new AuthorBuilder();
            for (String f : List.of("fullName", "lastName", "firstName", "initials", "collectiveName")) {
                if (a.hasNonNull(f)) {
                    b.set(f, a.get(f).asText().strip());
                }
            }
            authors.add(b.build());
        }
        return new Article(text(r, "pmid"), text(r.path("journalInfo").path("journal"), "title"),
                Dates.iso(text(r, "firstPublicationDate")), List.copyOf(authors), text(r, "title"),
                text(r, "abstractText"), source);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
