package org.geneassoc.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.geneassoc.config.ConfigLoader;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.Setting;
import org.geneassoc.ingest.EuropePmcFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code geneassoc fetch}: a Europe PMC search into a folder {@code run} reads, the same fetch the job does with
 * {@code --fetch-query}. Values are parsed and checked by the job's own {@link Setting}s.
 */
@Command(name = "fetch", description = "Fetch a Europe PMC search (core records, XML) into a folder, one gzip file per page; resumes.")
public final class FetchCommand implements Callable<Integer> {
    @Option(names = "--query", required = true, description = "Europe PMC search query, e.g. '\"BRCA1\" AND HAS_ABSTRACT:y'.")
    String query;

    @Option(names = "--since", description = "First publication date from (YYYY-MM-DD).")
    String since;

    @Option(names = "--until", description = "First publication date until (YYYY-MM-DD).")
    String until;

    @Option(names = "--output", required = true, description = "Folder (local or s3a://) for the pages; run reads it as --input.")
    String output;

    @Option(names = "--europe-pmc-url", description = "REST API base URL (default: ${DEFAULT-VALUE}).")
    String baseUrl = Setting.EUROPE_PMC_URL.defaultValue();

    @Option(names = "--page-size", description = "Records per page, at most 1000 (default: ${DEFAULT-VALUE}).")
    String pageSize = Setting.FETCH_PAGE_SIZE.defaultValue();

    @Option(names = "--attempts", description = "Requests per page before failing (default: ${DEFAULT-VALUE}).")
    String attempts = Setting.FETCH_ATTEMPTS.defaultValue();

    @Option(names = "--retry-seconds", description = "First retry wait, doubled each time (default: ${DEFAULT-VALUE}).")
    String retrySeconds = Setting.FETCH_RETRY_SECONDS.defaultValue();

    @Option(names = "--interval-millis", description = "Least time between requests (default: ${DEFAULT-VALUE}).")
    String intervalMillis = Setting.FETCH_INTERVAL_MILLIS.defaultValue();

    @Override
    public Integer call() throws Exception {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.INPUT, output);
        flags.put(Setting.FETCH_QUERY, query);
        flags.put(Setting.FETCH_SINCE, since);
        flags.put(Setting.FETCH_UNTIL, until);
        flags.put(Setting.EUROPE_PMC_URL, baseUrl);
        flags.put(Setting.FETCH_PAGE_SIZE, pageSize);
        flags.put(Setting.FETCH_ATTEMPTS, attempts);
        flags.put(Setting.FETCH_RETRY_SECONDS, retrySeconds);
        flags.put(Setting.FETCH_INTERVAL_MILLIS, intervalMillis);
        JobConfig cfg;
        try {
            cfg = new ConfigLoader().flags(flags).build();
        } catch (IllegalArgumentException e) {
            System.err.println("geneassoc fetch: " + e.getMessage());
            return 1;
        }
        EuropePmcFetcher.Result r;
        try {
            r = new EuropePmcFetcher().fetch(cfg.fetch(), output, new Configuration(), System.err::println);
        } catch (java.io.IOException | IllegalArgumentException e) {
            System.err.println("geneassoc fetch: " + e.getMessage());
            return 1;
        }
        System.out.printf("%,d records in %d pages in %s (Europe PMC hit count %,d)%s%n", r.records(), r.pages(), output, r.hitCount(),
                r.resumedAfterPage() > 0 ? ", resumed after page " + r.resumedAfterPage() : "");
        System.out.println("next: bin/geneassoc run --input " + output + " --output <folder>");
        return 0;
    }
}
