package org.geneassoc.training;

import org.geneassoc.classify.FeatureSet;
import org.geneassoc.classify.Features;
import org.geneassoc.classify.Featurizer;
import org.geneassoc.spark.ChunkAppender;
import org.geneassoc.spark.BaseTransformer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.encoder.LayerRange;
import org.geneassoc.encoder.OnnxEncoder;

/**
 * Adds the full feature vector {@code [cls | mean | gene | disease | between | gene⊙disease | n-grams]} of a text
 * column, the input every {@link HeadVariant} slices from when heads are trained. Marker blocks are
 * zero where a text does not mark both entities.
 */
public class EncoderFeaturizer extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> encoderPath;
    private final Param<String> layers;
    private final IntParam lexicalBits;
    private final IntParam encoderThreads;
    private final IntParam batchSize;

    public EncoderFeaturizer() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("encoderFeaturizer"));
    }

    public EncoderFeaturizer(String uid) {
        super(uid);
        inputCol = new Param<>(this, "inputCol", "text column");
        outputCol = new Param<>(this, "outputCol", "feature vector column");
        encoderPath = new Param<>(this, "encoderPath", "local encoder folder (model.onnx + assets/vocab.txt)");
        layers = new Param<>(this, "layers", "encoder layers averaged into the token states, first-last (1 = first layer)",
                (String v) -> {
                    try {
                        LayerRange.parse(v);
                        return true;
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                });
        lexicalBits = new IntParam(this, "lexicalBits", "hash bits of the n-gram block (0: none)", ParamValidators.inRange(0, 20));
        encoderThreads = new IntParam(this, "encoderThreads", "ONNX Runtime intra-op threads", ParamValidators.gtEq(1));
        batchSize = new IntParam(this, "batchSize",
                "texts per encoder call; above 1 features depend on batch neighbours (int8 ranges are per call)", ParamValidators.gtEq(1));
        setDefault(inputCol, "sentence");
        setDefault(outputCol, "features");
        setDefault(layers, LayerRange.DEFAULT.toString());
        setDefault(lexicalBits, 14);
        setDefault(encoderThreads, 1);
        setDefault(batchSize, 1);
    }

    public static MLReader<EncoderFeaturizer> read() {
        return new DefaultParamsReadable<EncoderFeaturizer>() { }.read();
    }

    public Param<String> inputCol() { return inputCol; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> encoderPath() { return encoderPath; }
    public Param<String> layers() { return layers; }
    public IntParam lexicalBits() { return lexicalBits; }
    public IntParam encoderThreads() { return encoderThreads; }
    public IntParam batchSize() { return batchSize; }

    public EncoderFeaturizer setInputCol(String v) { set(inputCol, v); return this; }
    public EncoderFeaturizer setOutputCol(String v) { set(outputCol, v); return this; }
    public EncoderFeaturizer setEncoderPath(String v) { set(encoderPath, v); return this; }
    public EncoderFeaturizer setLayers(LayerRange v) { set(layers, v.toString()); return this; }
    public EncoderFeaturizer setLexicalBits(int v) { set(lexicalBits, v); return this; }
    public EncoderFeaturizer setEncoderThreads(int v) { set(encoderThreads, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!List.of(schema.fieldNames()).contains($(inputCol))) {
            throw new IllegalArgumentException("Input column " + $(inputCol) + " does not exist");
        }
        if (!isDefined(encoderPath)) {
            throw new IllegalArgumentException(uid() + ": encoderPath is not set");
        }
        return schema.add($(outputCol), SQLDataTypes.VectorType(), false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        String path = $(encoderPath);
        int bits = (Integer) $(lexicalBits);
        int threads = (Integer) $(encoderThreads);
        int batch = (Integer) $(batchSize);
        LayerRange range = LayerRange.parse($(layers));
        String col = $(inputCol);
        OnnxEncoder.shared(java.nio.file.Path.of(path), threads).checkLayers(range);
        return dataset.toDF().mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows -> {
                    Featurizer f = new Featurizer(OnnxEncoder.shared(java.nio.file.Path.of(path), threads), range, bits, batch);
                    return new ChunkAppender(rows, out, Math.max(256, batch * 8), chunk -> vectors(f, chunk, col, bits));
                }, Encoders.row(out));
    }

    private static Object[] vectors(Featurizer f, List<Row> rows, String col, int bits) {
        List<String> texts = new ArrayList<>(rows.size());
        for (Row r : rows) {
            texts.add(r.getAs(col));
        }
        int dense = FeatureSet.MARKED.dims(f.hiddenSize());
        Object[] out = new Object[rows.size()];
        List<Features> features = f.featurize(texts);
        for (int i = 0; i < out.length; i++) {
            Features x = features.get(i);
            int[] lex = x.lexical();
            int[] idx = new int[dense + lex.length];
            double[] val = new double[idx.length];
            for (int d = 0; d < dense; d++) {
                idx[d] = d;
                val[d] = d < x.dense().length ? x.dense()[d] : 0;
            }
            for (int k = 0; k < lex.length; k++) {
                idx[dense + k] = dense + lex[k];
                val[dense + k] = 1;
            }
            out[i] = Vectors.sparse(dense + (bits > 0 ? 1 << bits : 0), idx, val).compressed();
        }
        return out;
    }

    @Override
    public EncoderFeaturizer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
