package org.geneassoc.ingest;

import java.io.Serializable;
import java.net.URI;
import java.time.LocalDate;

/**
 * One Europe PMC search to fetch: the user's query, an optional first-publication window, where the REST API is,
 * and how politely and how persistently to ask it. Built from {@link org.geneassoc.config.Setting}s.
 *
 * @param since          first publication date from (inclusive), or null
 * @param until          first publication date until (inclusive), or null
 * @param attempts       requests per page before the fetch fails (a 429, 5xx, timeout or broken body is retried)
 * @param retrySeconds   wait before the first retry, doubled before each next one (a 429's Retry-After wins)
 * @param intervalMillis least time between two requests
 */
public record FetchRequest(String query, LocalDate since, LocalDate until, URI baseUrl, int pageSize, int attempts,
                           int retrySeconds, int intervalMillis) implements Serializable {

    /** The query Europe PMC is sent: the user's, narrowed to the FIRST_PDATE window when one is given. */
    public String searchQuery() {
        if (since == null && until == null) {
            return query;
        }
        return "(" + query + ") AND (FIRST_PDATE:[" + (since == null ? "1000-01-01" : since) + " TO "
                + (until == null ? "3000-12-31" : until) + "])";
    }
}
