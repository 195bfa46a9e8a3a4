package org.geneassoc.encoder;

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
 * Makes the output of every transformer layer, not only the last, a graph output named
 * {@code hidden_state_<k>} (k = 1 for the first layer). The middle layers of a frozen encoder carry
 * relation cues the last one, tuned for sentence similarity, has partly lost; the heads read a mean of
 * several layers.
 *
 * <p>The ONNX file is a protobuf {@code ModelProto}. Protobuf merges a repeated occurrence of an embedded
 * message field, so appending a second {@code graph} field holding only the new Identity nodes and
 * outputs extends the graph without rewriting it, and without the ONNX schema classes.
 */
final class LayerOutputs {
    static final String OUTPUT_PREFIX = "hidden_state_";

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
     * The model with {@code hidden_state_1 … hidden_state_<n-1>} added beside {@code last_hidden_state}
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
            if (name.equals("last_hidden_state")) {
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
        for (int layer = 0; layer < layerTensors.size(); layer++) {
            String name = OUTPUT_PREFIX + (layer + 1);
            String tensor = layerTensors.get(layer);
            g.writeByteArray(GRAPH_NODE, message(o -> {
                o.writeString(NODE_INPUT, tensor);
                o.writeString(NODE_OUTPUT, name);
                o.writeString(NODE_NAME, name);
                o.writeString(NODE_OP_TYPE, "Identity");
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
