package org.geneassoc.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One parsed article record. {@code firstPublicationDate} is ISO {@code yyyy-MM-dd} or null;
 * {@code source} names the file and position it came from, for messages about it.
 */
public record Article(String pmid, String journal, String firstPublicationDate, List<Author> authors,
                      String title, String abstractText, String source) implements Serializable {
}
