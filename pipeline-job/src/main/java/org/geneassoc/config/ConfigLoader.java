package org.geneassoc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geneassoc.ingest.InputFormat;
import org.geneassoc.spark.LocalFolders;

/**
 * Builds the {@link JobConfig}: each source is a map of setting → value; later sources win. JSON keys
 * are the record's component names, plus {@code emrfsModelPath} (what the CDK stack writes into
 * {@code models.json}) for {@code models}. An unknown key or a bad value fails with its source named.
 */
public final class ConfigLoader {
    public static final String ENV_MONGO_URI = "MONGODB_CONNECTION_URI";
    public static final String ENV_MODELS = "GENEASSOC_MODELS";
    private static final Set<String> KEYS = Set.of("input", "output", "format", "abstractThreshold",
            "sentenceThreshold", "hypothesis", "models", "emrfsModelPath", "mongoUri", "mongoSecretId",
            "mongoDatabase", "mongoCollection");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> origin = new HashMap<>();

    public ConfigLoader() {
        put("format", "auto", "default");
        put("output", "geneassoc-output", "default");
        put("abstractThreshold", "0.8", "default");
        put("sentenceThreshold", "0.7", "default");
        put("mongoDatabase", "geneassoc", "default");
        put("mongoCollection", "pubmedArticles", "default");
    }

    private void put(String key, String value, String from) {
        if (value != null) {
            values.put(key, value);
            origin.put(key, from);
        }
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
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("Configuration file " + file + ": unknown setting '" + e.getKey()
                        + "'; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
            if (!e.getValue().isValueNode()) {
                throw new IllegalArgumentException("Configuration file " + file + ": setting '" + e.getKey() + "' must be a string or number");
            }
            String key = e.getKey().equals("emrfsModelPath") ? "models" : e.getKey();
            put(key, e.getValue().isNull() ? null : e.getValue().asText(), file.toString());
        }
        return this;
    }

    public ConfigLoader environment(Map<String, String> env) {
        put("mongoUri", blankToNull(env.get(ENV_MONGO_URI)), "environment " + ENV_MONGO_URI);
        put("models", blankToNull(env.get(ENV_MODELS)), "environment " + ENV_MODELS);
        return this;
    }

    /** Flag values by setting name; null values (flags not given) leave the setting as it was. */
    public ConfigLoader flags(Map<String, String> flags) {
        flags.forEach((k, v) -> {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown setting " + k);
            }
            put(k, v, "flag --" + k.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
        });
        return this;
    }

    /** A value used only when no other source sets the setting. */
    public ConfigLoader fallback(String key, String value) {
        if (!values.containsKey(key)) {
            put(key, value, "default");
        }
        return this;
    }

    /** Replaces a secret's id by its value: the MongoDB URI, when only its secret is named. */
    public ConfigLoader resolveSecrets(java.util.function.UnaryOperator<String> secretReader) {
        String id = values.get("mongoSecretId");
        if (id != null && !id.isBlank() && values.get("mongoUri") == null) {
            put("mongoUri", secretReader.apply(id), "secret " + id);
        }
        return this;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Validates every setting and names the bad value and where it came from. */
    public JobConfig build() {
        List<String> errors = new ArrayList<>();
        String input = values.get("input");
        if (input == null || input.isBlank()) {
            errors.add("input is required (--input <file, directory or glob>)");
        }
        InputFormat format = null;
        try {
            format = InputFormat.fromFlag(values.get("format"));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage() + " (from " + origin.get("format") + ")");
        }
        double abstractThreshold = probability("abstractThreshold", errors);
        double sentenceThreshold = probability("sentenceThreshold", errors);
        String hypothesis = values.get("hypothesis");
        if (hypothesis == null || hypothesis.isBlank()) {
            errors.add("hypothesis is empty; config/geneassoc.json sets it");
        }
        String models = values.get("models");
        if (models == null || models.isBlank()) {
            errors.add("models location is not set (--models, " + ENV_MODELS + " or emrfsModelPath in models.json)");
        } else if (LocalFolders.isLocal(models)) {
            Path manifest = LocalFolders.localPath(models).resolve("gda-classifier").resolve("model.json");
            if (!Files.isRegularFile(manifest)) {
                errors.add("models folder " + models + " (from " + origin.get("models") + ") has no gda-classifier/model.json; "
                        + "build it with 'mvn -pl model-assets package'");
            }
        }
        String mongoUri = values.get("mongoUri");
        if (mongoUri != null && !mongoUri.startsWith("mongodb://") && !mongoUri.startsWith("mongodb+srv://")) {
            errors.add("MongoDB URI from " + origin.get("mongoUri") + " must start with mongodb:// or mongodb+srv://");
        }
        for (String k : List.of("mongoDatabase", "mongoCollection")) {
            String v = values.get(k);
            if (v == null || !v.matches("[A-Za-z0-9_-]{1,64}")) {
                errors.add(k + " '" + v + "' (from " + origin.get(k) + ") must be 1-64 letters, digits, _ or -");
            }
        }
        String output = values.get("output");
        if (mongoUri == null && values.get("mongoSecretId") == null && (output == null || output.isBlank())) {
            errors.add("output is empty");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration:\n  - " + String.join("\n  - ", errors));
        }
        return new JobConfig(input, output, format, abstractThreshold, sentenceThreshold,
                hypothesis, models, mongoUri, values.get("mongoSecretId"), values.get("mongoDatabase"), values.get("mongoCollection"));
    }

    private double probability(String key, List<String> errors) {
        String v = values.get(key);
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        errors.add(key + " '" + v + "' (from " + origin.get(key) + ") must be a number from 0 to 1");
        return Double.NaN;
    }

}
