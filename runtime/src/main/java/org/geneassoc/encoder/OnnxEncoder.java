package org.geneassoc.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A BERT-style ONNX encoder (BGE-small) run through ONNX Runtime. One session per model folder and
 * thread setting is shared by all tasks of a JVM: sessions are thread-safe and loading one costs seconds.
 */
public final class OnnxEncoder {
    public static final String MODEL_FILE = "model.onnx";
    public static final String VOCAB_FILE = "assets/vocab.txt";
    public static final String LAST_HIDDEN_STATE = "last_hidden_state";
    /** Outputs the build adds to the graph: {@code layer_sum_from_<k>}, the sum of layers k..n (model-assets' LayerOutputs). */
    public static final String LAYER_SUM_PREFIX = "layer_sum_from_";

    private static final Map<String, OnnxEncoder> SHARED = new ConcurrentHashMap<>();

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final int hiddenSize;
    private final int layerCount;
    private final boolean wantsTokenTypes;

    private OnnxEncoder(Path folder, int threads) throws IOException {
        Path model = folder.resolve(MODEL_FILE);
        Path vocab = folder.resolve(VOCAB_FILE);
        if (!Files.isRegularFile(model) || !Files.isRegularFile(vocab)) {
            throw new IOException("Encoder folder " + folder + " must hold " + MODEL_FILE + " and " + VOCAB_FILE
                    + "; build it with 'mvn -pl model-assets package'");
        }
        this.tokenizer = WordPieceTokenizer.fromVocabFile(vocab);
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            this.session = env.createSession(model.toString(), options);
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
            long[] shape = ((ai.onnxruntime.TensorInfo) session.getOutputInfo().get(LAST_HIDDEN_STATE).getInfo()).getShape();
            this.hiddenSize = (int) shape[shape.length - 1];
            this.layerCount = Math.max(1, (int) session.getOutputNames().stream().filter(n -> n.startsWith(LAYER_SUM_PREFIX)).count());
        } catch (OrtException | NullPointerException e) {
            throw new IOException("Cannot load ONNX encoder " + model + ": " + e.getMessage(), e);
        }
    }

    /** The JVM-wide encoder for a local model folder, loaded on first use. */
    public static OnnxEncoder shared(Path folder, int threads) {
        String key = folder.toAbsolutePath().normalize() + "#" + threads;
        return SHARED.computeIfAbsent(key, k -> {
            try {
                return new OnnxEncoder(folder, threads);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** Transformer layers whose outputs can be read: 1 when the model exposes only its last one. */
    public int layerCount() {
        return layerCount;
    }

    /** Checks a layer range (1 = first, {@link #layerCount()} = last) before any batch runs. */
    public void checkLayers(LayerRange layers) {
        if (layers.last() > layerCount) {
            throw new IllegalArgumentException("Encoder layer " + layers.last() + " does not exist: the encoder exposes layers 1.."
                    + layerCount + (layerCount == 1 ? " (an encoder folder from an older build; rebuild model-assets)" : ""));
        }
    }

    /** The last layer's states; see {@link #hiddenStates(List, LayerRange)}. */
    public float[][][] hiddenStates(List<WordPieceTokenizer.Encoding> batch) {
        return hiddenStates(batch, new LayerRange(layerCount, layerCount));
    }

    /**
     * Runs one batch padded to its longest member and returns, for each input, its own
     * {@code [tokens][hidden]} states (padding dropped), averaged over the given layers: the sum from
     * the range's first layer on, less the sum after its last, over the range's length.
     */
    public float[][][] hiddenStates(List<WordPieceTokenizer.Encoding> batch, LayerRange layers) {
        checkLayers(layers);
        int rows = batch.size();
        int width = batch.stream().mapToInt(WordPieceTokenizer.Encoding::length).max().orElse(0);
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            int[] tokenIds = batch.get(r).ids();
            for (int t = 0; t < tokenIds.length; t++) {
                ids[r * width + t] = tokenIds[t];
                mask[r * width + t] = 1;
            }
        }
        long[] shape = {rows, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * width]), shape));
            }
            boolean single = layers.first() == layerCount;
            String from = single ? LAST_HIDDEN_STATE : LAYER_SUM_PREFIX + layers.first();
            String after = layers.last() < layerCount ? LAYER_SUM_PREFIX + (layers.last() + 1) : null;
            Set<String> names = after == null ? Set.of(from) : Set.of(from, after);
            try (OrtSession.Result result = session.run(inputs, names)) {
                FloatBuffer sum = ((OnnxTensor) result.get(from).orElseThrow()).getFloatBuffer();
                FloatBuffer less = after == null ? null : ((OnnxTensor) result.get(after).orElseThrow()).getFloatBuffer();
                float scale = 1f / (layers.last() - layers.first() + 1);
                float[] minus = new float[hiddenSize];
                float[][][] out = new float[rows][][];
                for (int r = 0; r < rows; r++) {
                    int len = batch.get(r).length();
                    out[r] = new float[len][hiddenSize];
                    for (int t = 0; t < len; t++) {
                        float[] state = out[r][t];
                        sum.position((r * width + t) * hiddenSize);
                        sum.get(state);
                        if (less != null) {
                            less.position((r * width + t) * hiddenSize);
                            less.get(minus);
                        }
                        if (less != null || scale != 1f) {
                            for (int d = 0; d < hiddenSize; d++) {
                                state[d] = (state[d] - (less == null ? 0f : minus[d])) * scale;
                            }
                        }
                    }
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX encoder failed on a batch of " + rows + " x " + width + " tokens: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
