package org.geneassoc.assets;

import org.geneassoc.encoder.OnnxEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Build step: turns the ONNX model and tokenizer.json found in the unpacked langchain4j model jar into
 * the encoder folder the classifier loads ({@code model.onnx} with every layer's output exposed, see
 * {@link LayerOutputs}, + {@code assets/vocab.txt}, one token per line in id order, the layout Spark
 * NLP's {@code loadSavedModel} also reads).
 */
public final class EncoderAssets {
    private EncoderAssets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EncoderAssets <unpacked model jar dir> <encoder output dir>");
        }
        assemble(Path.of(args[0]), Path.of(args[1]));
    }

    public static void assemble(Path source, Path target) throws IOException {
        Path onnx = findOne(source, ".onnx");
        Path tokenizer = findOne(source, "tokenizer.json");
        Files.createDirectories(target.resolve("assets"));
        Path model = target.resolve(OnnxEncoder.MODEL_FILE);
        byte[] withLayers = LayerOutputs.expose(Files.readAllBytes(onnx), onnx.toString());
        if (!Files.exists(model) || Files.size(model) != withLayers.length) {
            Files.write(model, withLayers);
        }
        writeVocab(tokenizer, target.resolve(OnnxEncoder.VOCAB_FILE));
        System.out.println("Encoder assembled in " + target + " from " + onnx.getFileName());
    }

    private static Path findOne(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow(() -> new IOException("No *" + suffix + " under " + dir));
        }
    }

    static void writeVocab(Path tokenizerJson, Path vocabTxt) throws IOException {
        JsonNode vocab = new ObjectMapper().readTree(tokenizerJson.toFile()).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IOException(tokenizerJson + " has no model.vocab map");
        }
        TreeMap<Integer, String> byId = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byId.put(e.getValue().asInt(), e.getKey());
        }
        if (byId.firstKey() != 0 || byId.lastKey() != byId.size() - 1) {
            throw new IOException(tokenizerJson + ": vocabulary ids are not contiguous from 0");
        }
        try {
            Files.write(vocabTxt, byId.values(), StandardCharsets.UTF_8);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
