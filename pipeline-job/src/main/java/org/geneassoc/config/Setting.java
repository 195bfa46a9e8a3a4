package org.geneassoc.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.geneassoc.classify.ModelManifest;
import org.geneassoc.ingest.InputFormat;
import org.geneassoc.models.ModelsFolder;

/**
 * Every setting of the GDA job, declared once: its JSON key (in {@code config/*.json} and the files shipped
 * with {@code --files}), its flag, its environment variable, its default and the parser that turns text
 * into the typed value. {@code --help}, the shipped config and validation all read this.
 */
public enum Setting {
    INPUT("input", null, null, "PATH", "Article file, directory or glob; local or s3a://; plain or gzip.",
            Setting::required),
    OUTPUT("output", null, () -> "geneassoc-output", "DIR",
            "JSON Lines output folder, replaced on each run (added to with --skip-existing), with _SUMMARY.json.", Setting::text),
    FORMAT("format", null, () -> "auto", "FORMAT", "auto (by content), europepmc-xml, europepmc-json or pubmed-xml.",
            InputFormat::fromFlag),
    ASSOCIATION_THRESHOLD("associationThreshold", null, () -> "0.25", "Z",
            "Write the gene-disease pairs whose relation-model score (a calibrated probability) is at least Z; 0.75 for precision.", Setting::probability),
    SENTENCE_THRESHOLD("sentenceThreshold", null, () -> "0.7", "Y",
            "List in gda the evidence sentences (without a vocabulary: the sentences) whose sentence score is at least Y.",
            Setting::probability),
    ABSTRACT_THRESHOLD("abstractThreshold", null, () -> "0.8", "X",
            "Without a vocabulary only: score the sentences of abstracts whose screen score is at least X.", Setting::probability),
    MODELS("models", "GENEASSOC_MODELS", () -> ModelsFolder.built().root(), "DIR|URI",
            "Models root holding " + ModelsFolder.CLASSIFIER + "/, " + ModelsFolder.ENCODER + "/ and "
                    + ModelsFolder.VOCABULARY + "/ (default: the folder the build assembled).", Setting::models,
            "emrfsModelPath"),
    MONGO_URI("mongoUri", "MONGODB_CONNECTION_URI", null, "URI", "Write to MongoDB instead of JSON Lines.",
            Setting::mongoUri),
    MONGO_SECRET_ID("mongoSecretId", null, null, "ID", "AWS Secrets Manager secret holding the MongoDB URI (EMR).",
            Setting::text),
    MONGO_CA_BUNDLE("mongoCaBundle", "GENEASSOC_MONGO_CA_BUNDLE", null, "PATH|URI",
            "PEM bundle of the CA certificates MongoDB's TLS certificate chains to (Amazon DocumentDB's global-bundle.pem, a "
                    + "company CA), local or s3://; trusted for the MongoDB connection only, with TLS on.", Setting::text),
    MONGO_DATABASE("mongoDatabase", null, () -> "geneassoc", "NAME", "MongoDB database.", Setting::mongoName),
    MONGO_COLLECTION("mongoCollection", null, () -> "pubmedArticles", "NAME", "MongoDB collection.", Setting::mongoName),
    MONGO_WRITE_ATTEMPTS("mongoWriteAttempts", null, () -> "4", "N",
            "Attempts at the MongoDB write before the run fails; documents replace by pmid, so a retry duplicates nothing.",
            v -> wholeNumber(v, 1, 20)),
    MONGO_RETRY_SECONDS("mongoRetrySeconds", null, () -> "15", "S",
            "Seconds before the first retry of a failed MongoDB write, doubled before each next one.", v -> wholeNumber(v, 0, 600)),
    FAIL_ON_BAD_INPUT("failOnBadInput", null, () -> "false", null,
            "Exit 3 when any input file could not be read; without it such a run exits 0 and names the files in its summary.",
            Setting::bool),
    SKIP_EXISTING("skipExisting", null, () -> "false", null,
            "Skip articles whose document the output already holds from the same modelVersion (models and thresholds); "
                    + "JSON Lines output then gains a folder runs/<run id>/ instead of being replaced.", Setting::bool),
    REPORT("report", null, () -> "false", null,
            "Also write _REPORT.html, a page of the output's associations and their evidence, into --output (also when "
                    + "writing to MongoDB).", Setting::bool),
    FETCH_QUERY("fetchQuery", null, null, "QUERY",
            "Fetch this Europe PMC search into --input first (one gzip file per page); an interrupted fetch resumes.", Setting::text),
    FETCH_SINCE("fetchSince", null, null, "DATE",
            "Fetch records first published on or after DATE (YYYY-MM-DD), or in the last N days (Nd, counted from today, UTC).",
            Setting::date),
    FETCH_UNTIL("fetchUntil", null, null, "DATE", "Fetch records first published on or before DATE (YYYY-MM-DD).", Setting::date),
    EUROPE_PMC_URL("europePmcUrl", null, () -> "https://www.ebi.ac.uk/europepmc/webservices/rest", "URL",
            "Europe PMC REST API base URL.", Setting::httpUrl),
    FETCH_PAGE_SIZE("fetchPageSize", null, () -> "1000", "N", "Records per Europe PMC page (at most 1000).", v -> wholeNumber(v, 1, 1000)),
    FETCH_ATTEMPTS("fetchAttempts", null, () -> "6", "N",
            "Requests per page before the fetch fails (429, 5xx, timeouts and broken bodies are retried).", v -> wholeNumber(v, 1, 20)),
    FETCH_RETRY_SECONDS("fetchRetrySeconds", null, () -> "5", "S",
            "Seconds before the first retry of a page, doubled before each next one (a 429's Retry-After wins).",
            v -> wholeNumber(v, 0, 600)),
    FETCH_INTERVAL_MILLIS("fetchIntervalMillis", null, () -> "200", "MS", "Least time between two Europe PMC requests.",
            v -> wholeNumber(v, 0, 60000));

    private final String key;
    private final String env;
    private final Supplier<String> fallback;
    private final String label;
    private final String description;
    private final Function<String, Object> parser;
    private final List<String> aliases;

    Setting(String key, String env, Supplier<String> fallback, String label, String description,
            Function<String, Object> parser, String... aliases) {
        this.key = key;
        this.env = env;
        this.fallback = fallback;
        this.label = label;
        this.description = description;
        this.parser = parser;
        this.aliases = List.of(aliases);
    }

    /** The JSON key. */
    public String key() {
        return key;
    }

    /** The flag: the key in kebab case, {@code abstractThreshold} → {@code --abstract-threshold}. */
    public String flag() {
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** The environment variable that sets it, or null. */
    public String env() {
        return env;
    }

    /** The built-in default as text, or null where there is none. */
    public String defaultValue() {
        return fallback == null ? null : fallback.get();
    }

    /** What the flag's value looks like; null for a switch, whose flag alone means true. */
    public String label() {
        return label;
    }

    public boolean isSwitch() {
        return label == null;
    }

    public String description() {
        return description;
    }

    /** Other JSON keys that set it: {@code emrfsModelPath} is what the stack writes into models.json. */
    public List<String> aliases() {
        return aliases;
    }

    /** The typed value; an IllegalArgumentException says what is wrong with the text. */
    public Object parse(String text) {
        return parser.apply(text);
    }

    /** The setting a JSON key or alias names, or null. */
    public static Setting forKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key) || s.aliases.contains(key)) {
                return s;
            }
        }
        return null;
    }

    /** The setting a flag names, or null. */
    public static Setting forFlag(String flag) {
        for (Setting s : values()) {
            if (s.flag().equals(flag)) {
                return s;
            }
        }
        return null;
    }

    private static Object required(String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        return v;
    }

    private static Object bool(String v) {
        if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static Object wholeNumber(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v == null ? "" : v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }

    private static Object date(String v) {
        if (v != null && v.strip().matches("\\d{1,4}d")) {
            return LocalDate.now(java.time.ZoneOffset.UTC).minusDays(Long.parseLong(v.strip().replace("d", "")));
        }
        try {
            return v == null ? null : LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date YYYY-MM-DD or a number of days back (8d)");
        }
    }

    private static Object httpUrl(String v) {
        try {
            URI u = new URI(v == null ? "" : v.strip());
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("must be an http(s):// URL");
    }

    private static Object text(String v) {
        return v;
    }

    private static Object probability(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("must be a number from 0 to 1");
    }

    private static Object models(String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("is not set");
        }
        ModelsFolder folder = new ModelsFolder(v);
        if (folder.isLocal() && !Files.isRegularFile(folder.localPath(ModelsFolder.CLASSIFIER).resolve(ModelManifest.FILE))) {
            throw new IllegalArgumentException("has no " + ModelsFolder.CLASSIFIER + "/" + ModelManifest.FILE + "; build it with 'mvn -pl model-assets -am package'");
        }
        return folder;
    }

    private static Object mongoUri(String v) {
        if (v != null && !v.startsWith("mongodb://") && !v.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("must start with mongodb:// or mongodb+srv://");
        }
        if (v != null) {
            // Amazon DocumentDB before engine 8.0.2 refuses retryable writes (the driver's default), and it takes TLS: say so
            // here rather than after the scoring, when the first write fails. The engine is not in the URI, so ask.
            String rest = v.substring(v.indexOf("://") + 3);
            int query = rest.indexOf('?');
            int slash = rest.indexOf('/');
            int hostsEnd = slash >= 0 && (query < 0 || slash < query) ? slash : query >= 0 ? query : rest.length();
            String hosts = rest.substring(rest.lastIndexOf('@', hostsEnd) + 1, hostsEnd).toLowerCase(Locale.ROOT);
            String options = "&" + (query >= 0 ? rest.substring(query + 1).toLowerCase(Locale.ROOT) : "") + "&";
            if (hosts.contains(".docdb.amazonaws.com") || hosts.contains(".docdb-elastic.amazonaws.com")) {
                if (!options.contains("&retrywrites=false&") && !options.contains("&retrywrites=true&")) {
                    throw new IllegalArgumentException("names an Amazon DocumentDB cluster, whose engines before 8.0.2 refuse retryable "
                            + "writes, the driver's default: add retryWrites=false to its options (retryWrites=true on 8.0.2 or later)");
                }
                if (!options.contains("&tls=true&") && !options.contains("&ssl=true&")) {
                    throw new IllegalArgumentException("names an Amazon DocumentDB cluster, which takes TLS connections: add tls=true "
                            + "to its options (and --mongo-ca-bundle global-bundle.pem)");
                }
            }
        }
        return v;
    }

    private static Object mongoName(String v) {
        if (v == null || !v.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("must be 1-64 letters, digits, _ or -");
        }
        return v;
    }
}
