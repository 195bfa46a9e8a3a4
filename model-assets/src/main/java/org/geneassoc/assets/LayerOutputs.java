package org.geneassoc.assets;

import org.geneassoc.encoder.OnnxEncoder;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every transformer layer, not only the last, readable: graph outputs {@code layer_sum_from_<k>},
 * the sum of the token states of layers k to n (k = 1 for the first layer, n the last). The middle
 * layers of a frozen encoder carry relation cues the last one, tuned for sentence similarity, has
 * partly lost; the heads read the mean of a range of layers, which is then one output (or two, for a
 * range that stops before the last layer) scaled, summed by ONNX Runtime rather than copied out layer
 * by layer.
 *
 * <p>The ONNX file is a protobuf {@code ModelProto}. Protobuf merges a repeated occurrence of an embedded
 * message field, so appending a second {@code graph} field holding only the new Add (and one Identity)
 * nodes and outputs extends the graph without rewriting it, and without the ONNX schema classes.
 */
final class LayerOutputs {
    private static final String OUTPUT_PREFIX = OnnxEncoder.LAYER_SUM_PREFIX;
    private static final String LAST_HIDDEN_STATE = OnnxEncoder.LAST_HIDDEN_STATE;

    /** Layer outputs as the Hugging Face / Optimum BERT export names them: the last op of each layer's output LayerNorm. */
    private static final Pattern LAYER_OUTPUT = Pattern.compile("/encoder/layer\\.(\\d+)/output/LayerNorm/Add_1_output_0");

    // Field numbers of onnx.proto3.
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;

    private LayerOutputs() {
    }

    /**
     * The model with {@code layer_sum_from_1 … layer_sum_from_<n>} added beside {@code last_hidden_state}
     * (layer n), or unchanged when it already has them.
     */
    static byte[] expose(byte[] model, String where) throws IOException {
        try {
            return addLayerOutputs(model, where);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(where + " is not an ONNX model: " + e.getMessage(), e);
        }
    }

    private static byte[] addLayerOutputs(byte[] model, String where) throws IOException {
        UnknownFieldSet graph = UnknownFieldSet.parseFrom(merged(UnknownFieldSet.parseFrom(model), MODEL_GRAPH, where));
        ByteString lastType = null;
        for (ByteString output : graph.getField(GRAPH_OUTPUT).getLengthDelimitedList()) {
            UnknownFieldSet info = UnknownFieldSet.parseFrom(output);
            String name = only(info, VALUE_INFO_NAME, where).toStringUtf8();
            if (name.startsWith(OUTPUT_PREFIX)) {
                return model;
            }
            if (name.equals(LAST_HIDDEN_STATE)) {
                lastType = only(info, VALUE_INFO_TYPE, where);
            }
        }
        if (lastType == null) {
            throw new IOException(where + " has no last_hidden_state output");
        }
        List<String> layerTensors = new ArrayList<>();
        for (ByteString node : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
            for (ByteString out : UnknownFieldSet.parseFrom(node).getField(NODE_OUTPUT).getLengthDelimitedList()) {
                Matcher m = LAYER_OUTPUT.matcher(out.toStringUtf8());
                if (m.matches()) {
                    int layer = Integer.parseInt(m.group(1));
                    while (layerTensors.size() <= layer) {
                        layerTensors.add(null);
                    }
                    layerTensors.set(layer, m.group());
                }
            }
        }
        if (layerTensors.isEmpty() || layerTensors.contains(null)) {
            throw new IOException(where + ": cannot find every layer's output tensor (" + LAYER_OUTPUT + "); found " + layerTensors);
        }
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        CodedOutputStream g = CodedOutputStream.newInstance(extra);
        // The last layer's output is last_hidden_state itself, so the pattern finds every layer but that one.
        int last = layerTensors.size() + 1;
        for (int layer = last; layer >= 1; layer--) {
            String name = OUTPUT_PREFIX + layer;
            String tensor = layer == last ? LAST_HIDDEN_STATE : layerTensors.get(layer - 1);
            String rest = OUTPUT_PREFIX + (layer + 1);
            boolean first = layer == last;
            g.writeByteArray(GRAPH_NODE, message(o -> {
                o.writeString(NODE_INPUT, tensor);
                if (!first) {
                    o.writeString(NODE_INPUT, rest);
                }
                o.writeString(NODE_OUTPUT, name);
                o.writeString(NODE_NAME, name);
                o.writeString(NODE_OP_TYPE, first ? "Identity" : "Add");
            }));
            ByteString type = lastType;
            g.writeByteArray(GRAPH_OUTPUT, message(o -> {
                o.writeString(VALUE_INFO_NAME, name);
                o.writeBytes(VALUE_INFO_TYPE, type);
            }));
        }
        g.flush();
        ByteArrayOutputStream result = new ByteArrayOutputStream(model.length + extra.size() + 16);
        result.write(model);
        CodedOutputStream m = CodedOutputStream.newInstance(result);
        m.writeByteArray(MODEL_GRAPH, extra.toByteArray());
        m.flush();
        return result.toByteArray();
    }

    /** An embedded message that occurs more than once is, to protobuf, their concatenation (as this class writes it). */
    private static ByteString merged(UnknownFieldSet message, int field, String where) throws IOException {
        List<ByteString> parts = message.hasField(field) ? message.getField(field).getLengthDelimitedList() : List.of();
        if (parts.isEmpty()) {
            throw new IOException(where + " is not an ONNX model: it has no graph");
        }
        return ByteString.copyFrom(parts);
    }

    private static ByteString only(UnknownFieldSet message, int field, String where) throws IOException {
        List<ByteString> values = message.hasField(field) ? message.getField(field).getLengthDelimitedList() : List.of();
        if (values.size() != 1) {
            throw new IOException(where + " is not an ONNX model of the expected shape (field " + field + " occurs "
                    + values.size() + " times)");
        }
        return values.get(0);
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        writer.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
