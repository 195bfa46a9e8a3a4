package org.geneassoc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.geneassoc.ingest.FetchRequest;
import org.geneassoc.ingest.InputFormat;
import org.geneassoc.models.ModelsFolder;

/**
 * Builds the {@link JobConfig} from the {@link Setting}s: each source sets some of them, later sources
 * win, and {@link #build()} parses and checks every value once, naming each bad one with its source.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private final Map<Setting, String> origin = new EnumMap<>(Setting.class);

    public ConfigLoader() {
        for (Setting s : Setting.values()) {
            put(s, s.defaultValue(), "default");
        }
    }

    private void put(Setting s, String value, String from) {
        if (value != null) {
            values.put(s, value);
            origin.put(s, from);
        }
    }

    /** Where a setting's value came from: "default", a file, the environment or a flag. */
    public String origin(Setting s) {
        return origin.get(s);
    }

    /** Every {@code *.json} in a folder, in name order; a missing folder adds nothing. */
    public ConfigLoader jsonFolder(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return this;
        }
        File[] files = dir.toFile().listFiles((d, n) -> n.endsWith(".json"));
        Arrays.sort(files, Comparator.comparing(File::getName));
        for (File f : files) {
            jsonFile(f.toPath());
        }
        return this;
    }

    public ConfigLoader jsonFile(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("Configuration file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("Configuration file " + file + " must hold a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Setting s = Setting.forKey(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException("Configuration file " + file + ": unknown setting '" + e.getKey()
                        + "'; known: " + String.join(", ", Stream.of(Setting.values()).map(Setting::key).sorted().toList()));
            }
            if (!e.getValue().isValueNode()) {
                throw new IllegalArgumentException("Configuration file " + file + ": setting '" + e.getKey() + "' must be a string or number");
            }
            put(s, e.getValue().isNull() ? null : e.getValue().asText(), file.toString());
        }
        return this;
    }

    /** The settings that have an environment variable; blank values count as unset. */
    public ConfigLoader environment(Map<String, String> env) {
        for (Setting s : Setting.values()) {
            if (s.env() != null) {
                put(s, blankToNull(env.get(s.env())), "environment " + s.env());
            }
        }
        return this;
    }

    /** Flag values; null values (flags not given) leave the setting as it was. */
    public ConfigLoader flags(Map<Setting, String> flags) {
        flags.forEach((s, v) -> put(s, v, "flag " + s.flag()));
        return this;
    }

    /** Replaces a secret's id by its value: the MongoDB URI, when only its secret is named. */
    public ConfigLoader resolveSecrets(UnaryOperator<String> secretReader) {
        String id = values.get(Setting.MONGO_SECRET_ID);
        if (id != null && !id.isBlank() && values.get(Setting.MONGO_URI) == null) {
            put(Setting.MONGO_URI, secretReader.apply(id), "secret " + id);
        }
        return this;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Parses and checks every setting; one exception lists every bad value and where it came from. */
    public JobConfig build() {
        List<String> errors = new ArrayList<>();
        Map<Setting, Object> typed = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = values.get(s);
            try {
                typed.put(s, s.parse(v));
            } catch (IllegalArgumentException e) {
                // The URI may carry a password: name its source, never its value.
                String shown = v == null || s == Setting.MONGO_URI ? "" : " '" + v + "'";
                String from = origin.containsKey(s) ? " (from " + origin.get(s) + ")" : "";
                errors.add(s.key() + shown + from + " " + e.getMessage());
            }
        }
        boolean mongo = typed.get(Setting.MONGO_URI) != null || typed.get(Setting.MONGO_SECRET_ID) != null;
        String output = (String) typed.get(Setting.OUTPUT);
        if (!mongo && (output == null || output.isBlank())) {
            errors.add("output is empty; set --output or --mongo-uri");
        }
        LocalDate since = (LocalDate) typed.get(Setting.FETCH_SINCE);
        LocalDate until = (LocalDate) typed.get(Setting.FETCH_UNTIL);
        if (since != null && until != null && since.isAfter(until)) {
            errors.add("fetchSince " + since + " is after fetchUntil " + until);
        }
        String query = (String) typed.get(Setting.FETCH_QUERY);
        if (query == null && (since != null || until != null)) {
            errors.add("fetchSince/fetchUntil need fetchQuery");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration:\n  - " + String.join("\n  - ", errors));
        }
        FetchRequest fetch = query == null || query.isBlank() ? null : new FetchRequest(query.strip(), since, until,
                (URI) typed.get(Setting.EUROPE_PMC_URL), (Integer) typed.get(Setting.FETCH_PAGE_SIZE),
                (Integer) typed.get(Setting.FETCH_ATTEMPTS), (Integer) typed.get(Setting.FETCH_RETRY_SECONDS),
                (Integer) typed.get(Setting.FETCH_INTERVAL_MILLIS));
        return new JobConfig((String) typed.get(Setting.INPUT), output, (InputFormat) typed.get(Setting.FORMAT),
                (Double) typed.get(Setting.ASSOCIATION_THRESHOLD), (Double) typed.get(Setting.SENTENCE_THRESHOLD),
                (Double) typed.get(Setting.ABSTRACT_THRESHOLD),
                (ModelsFolder) typed.get(Setting.MODELS), (String) typed.get(Setting.MONGO_URI),
                (String) typed.get(Setting.MONGO_SECRET_ID), (String) typed.get(Setting.MONGO_CA_BUNDLE), (String) typed.get(Setting.MONGO_DATABASE),
                (String) typed.get(Setting.MONGO_COLLECTION), (Integer) typed.get(Setting.MONGO_WRITE_ATTEMPTS),
                (Integer) typed.get(Setting.MONGO_RETRY_SECONDS), (Boolean) typed.get(Setting.FAIL_ON_BAD_INPUT),
                (Boolean) typed.get(Setting.SKIP_EXISTING), (Boolean) typed.get(Setting.REPORT), fetch);
    }
}
