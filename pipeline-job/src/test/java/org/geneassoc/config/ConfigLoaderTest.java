package org.geneassoc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.geneassoc.ingest.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static Path modelsDir(Path dir) throws Exception {
        Path m = dir.resolve("models");
        Files.createDirectories(m.resolve("gda-classifier"));
        Files.writeString(m.resolve("gda-classifier/model.json"), "{}");
        return m;
    }

    @Test
    void laterSourcesWinAndEmrModelsJsonSetsTheModelsRoot(@TempDir Path dir) throws Exception {
        Path sparkFiles = Files.createDirectories(dir.resolve("sparkfiles"));
        Files.writeString(sparkFiles.resolve("models.json"), "{\"emrfsModelPath\": \"s3://bucket/models\"}");
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.INPUT, "s3a://bucket/input/");
        flags.put(Setting.SENTENCE_THRESHOLD, "0.9");
        flags.put(Setting.OUTPUT, null);
        JobConfig c = new ConfigLoader()
                .jsonFolder(Path.of("../config"))
                .jsonFolder(sparkFiles)
                .environment(Map.of("MONGODB_CONNECTION_URI", "mongodb://user:pw@db.example:27017"))
                .flags(flags)
                .build();
        assertThat(c.models().root()).isEqualTo("s3://bucket/models");
        assertThat(c.models().classifier()).isEqualTo("s3://bucket/models/gda-classifier");
        assertThat(c.sentenceThreshold()).isEqualTo(0.9);
        assertThat(c.abstractThreshold()).isEqualTo(0.8);
        assertThat(c.format()).isEqualTo(InputFormat.AUTO);
        assertThat(c.writesToMongo()).isTrue();
        assertThat(c.mongoCollection()).isEqualTo("pubmedArticles");
        assertThat(c.describe()).contains("user:****@").doesNotContain("pw");
    }

    @Test
    void everyBadValueIsNamedWithItsSource(@TempDir Path dir) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("geneassoc.json"), "{\"abstractThreshold\": \"high\", \"mongoCollection\": \"a b\"}");
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.FORMAT, "csv");
        flags.put(Setting.MONGO_URI, "http://db");
        flags.put(Setting.MODELS, dir.resolve("no-models").toString());
        assertThatThrownBy(() -> new ConfigLoader().jsonFolder(conf).flags(flags).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input is required")
                .hasMessageContaining("format 'csv' (from flag --format) must be auto")
                .hasMessageContaining("abstractThreshold 'high' (from " + conf.resolve("geneassoc.json") + ")")
                .hasMessageContaining("mongoCollection 'a b'")
                .hasMessageContaining("must start with mongodb://")
                .hasMessageContaining("models '" + dir.resolve("no-models") + "' (from flag --models) has no gda-classifier/model.json");
    }

    @Test
    void anAmazonDocumentDbUriSaysWhetherItRetriesWritesAndTakesTls() {
        String host = "mongodb://app:Secr3t@docs.cluster-c1a2b3.eu-west-1.docdb.amazonaws.com:27017/";
        assertThat(Setting.MONGO_URI.parse(host + "?tls=true&retryWrites=false&replicaSet=rs0")).isNotNull();
        assertThat(Setting.MONGO_URI.parse(host + "?tls=true&retryWrites=true")).as("engine 8.0.2 or later").isNotNull();
        assertThatThrownBy(() -> Setting.MONGO_URI.parse(host + "?tls=true")).hasMessageContaining("retryWrites=false")
                .hasMessageNotContaining("Secr3t");
        assertThatThrownBy(() -> Setting.MONGO_URI.parse(host + "?retryWrites=false")).hasMessageContaining("tls=true");
        assertThat(Setting.MONGO_URI.parse("mongodb://db.example:27017/?tls=true")).as("any other MongoDB as it is").isNotNull();
    }

    @Test
    void unknownKeysInAConfigFileAreRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"sentenceTreshold\": 0.5}");
        assertThatThrownBy(() -> new ConfigLoader().jsonFolder(dir))
                .hasMessageContaining(dir.resolve("x.json").toString()).hasMessageContaining("'sentenceTreshold'");
    }

    @Test
    void aSecretIdIsResolvedToTheUri(@TempDir Path dir) throws Exception {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.INPUT, "in");
        flags.put(Setting.MONGO_SECRET_ID, "geneassoc/mongo");
        flags.put(Setting.MODELS, modelsDir(dir).toString());
        JobConfig c = new ConfigLoader().jsonFolder(Path.of("../config")).flags(flags)
                .resolveSecrets(id -> id.equals("geneassoc/mongo") ? "mongodb+srv://cluster.example/db" : null).build();
        assertThat(c.mongoUri()).isEqualTo("mongodb+srv://cluster.example/db");
    }

    @Test
    void theShippedConfigSaysWhatTheDefaultsSay() throws Exception {
        JsonNode shipped = new ObjectMapper().readTree(Path.of("../config/geneassoc.json").toFile());
        assertThat(shipped.size()).isGreaterThanOrEqualTo(4);
        shipped.fields().forEachRemaining(e -> {
            Setting s = Setting.forKey(e.getKey());
            assertThat(s).as("setting %s", e.getKey()).isNotNull();
            assertThat(e.getValue().asText()).as("setting %s", e.getKey()).isEqualTo(s.defaultValue());
        });
        assertThat(shipped.has(Setting.ABSTRACT_THRESHOLD.key())).isTrue();
        assertThat(shipped.has(Setting.SENTENCE_THRESHOLD.key())).isTrue();
    }

    @Test
    void theHypothesisIsTheModelsNotASetting(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old.json"), "{\"hypothesis\": \"This example is a gene-disease association.\"}");
        assertThatThrownBy(() -> new ConfigLoader().jsonFolder(dir)).hasMessageContaining("unknown setting 'hypothesis'");
    }
}
