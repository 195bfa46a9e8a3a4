package org.geneassoc.ingest;

import java.io.Serializable;

/**
 * What one record (or one unreadable file) turned into: an article, or a rejection with its reason.
 * {@code kind} is one of the {@link Kind} names.
 */
public record ParsedRecord(String kind, Article article, String source, String reason) implements Serializable {
    public enum Kind {
        /** A usable article with pmid and abstract. */
        ARTICLE,
        /** A record with a pmid but no abstract: counted and skipped. */
        NO_ABSTRACT,
        /** A record that cannot be used, e.g. without pmid. */
        REJECTED,
        /** A file that could not be read to its end: the reason names it. */
        FILE_FAILED
    }

    public static ParsedRecord of(Article a) {
        boolean hasAbstract = a.abstractText() != null && !a.abstractText().isBlank();
        if (a.pmid() == null || a.pmid().isBlank()) {
            return new ParsedRecord(Kind.REJECTED.name(), null, a.source(), "record has no pmid");
        }
        if (!a.pmid().strip().matches("\\d{1,12}")) {
            return new ParsedRecord(Kind.REJECTED.name(), null, a.source(), "pmid '" + a.pmid() + "' is not a PubMed identifier");
        }
        return new ParsedRecord(hasAbstract ? Kind.ARTICLE.name() : Kind.NO_ABSTRACT.name(), a, a.source(),
                hasAbstract ? null : "no abstract");
    }

    public static ParsedRecord fileFailed(String file, String reason) {
        return new ParsedRecord(Kind.FILE_FAILED.name(), null, file, reason);
    }
}
