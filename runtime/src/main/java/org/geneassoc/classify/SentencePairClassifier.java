package org.geneassoc.classify;

import org.geneassoc.spark.BaseTransformer;
import org.geneassoc.spark.ChunkAppender;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores (premise, hypothesis) pairs: adds {@code outputCol} = struct {@code label}
 * ({@code entailment}/{@code not_entailment}) and {@code score} (probability of entailment, in [0, 1]).
 * The hypothesis is the one the model's manifest names (by default), fixed ({@code hypothesis}) or read
 * per row ({@code hypothesisCol}); the manifest names the hypothesis its heads were trained for and any
 * other is refused.
 * Each premise is encoded alone by default: the encoder is int8 with activation ranges computed per
 * call, so in a batch a score would depend on the premises it happens to share the batch with, and
 * through them on partitioning, core count and input order. Alone, a score is a function of the
 * premise and the model.
 */
public class SentencePairClassifier extends BaseTransformer {
    private static final long serialVersionUID = 1L;
    public static final String ENTAILMENT = "entailment";
    public static final String NOT_ENTAILMENT = "not_entailment";
    public static final StructType OUTPUT_TYPE = new StructType()
            .add("label", DataTypes.StringType, false)
            .add("score", DataTypes.FloatType, false);

    private final Param<String> premiseCol;
    private final Param<String> hypothesis;
    private final Param<String> hypothesisCol;
    private final Param<String> outputCol;
    private final Param<String> modelPath;
    private final IntParam encoderThreads;
    private final IntParam batchSize;
    private final Param<String> premiseKind;

    public SentencePairClassifier() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("sentencePairClassifier"));
    }

    public SentencePairClassifier(String uid) {
        super(uid);
        premiseCol = new Param<>(this, "premiseCol", "column holding the premise text");
        hypothesis = new Param<>(this, "hypothesis", "fixed hypothesis for every row (unless hypothesisCol is set); empty: the model's own");
        hypothesisCol = new Param<>(this, "hypothesisCol", "column holding a per-row hypothesis; overrides hypothesis");
        outputCol = new Param<>(this, "outputCol", "output struct column {label, score}");
        modelPath = new Param<>(this, "modelPath", "classifier model folder: local path or Hadoop URI such as s3a://bucket/models/gda-classifier");
        encoderThreads = new IntParam(this, "encoderThreads", "ONNX Runtime intra-op threads per JVM session", ParamValidators.gtEq(1));
        batchSize = new IntParam(this, "batchSize",
                "premises per encoder call; above 1 a score depends on its batch neighbours (int8 ranges are per call)",
                ParamValidators.gtEq(1));
        premiseKind = new Param<>(this, "premiseKind", "sentence (the head follows the premise's entity markers) or abstract",
                ParamValidators.inArray(new String[] {"sentence", "abstract"}));
        setDefault(premiseCol, "premise");
        setDefault(hypothesis, "");
        setDefault(hypothesisCol, "");
        setDefault(outputCol, "prediction");
        setDefault(encoderThreads, 1);
        setDefault(batchSize, 1);
        setDefault(premiseKind, "sentence");
    }

    public static MLReader<SentencePairClassifier> read() {
        return new DefaultParamsReadable<SentencePairClassifier>() { }.read();
    }

    public static SentencePairClassifier load(String path) {
        return read().load(path);
    }

    public Param<String> premiseCol() { return premiseCol; }
    public Param<String> hypothesis() { return hypothesis; }
    public Param<String> hypothesisCol() { return hypothesisCol; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> modelPath() { return modelPath; }
    public IntParam encoderThreads() { return encoderThreads; }
    public IntParam batchSize() { return batchSize; }
    public Param<String> premiseKind() { return premiseKind; }

    public SentencePairClassifier setPremiseCol(String v) { set(premiseCol, v); return this; }
    public SentencePairClassifier setHypothesis(String v) { set(hypothesis, v); return this; }
    public SentencePairClassifier setHypothesisCol(String v) { set(hypothesisCol, v); return this; }
    public SentencePairClassifier setOutputCol(String v) { set(outputCol, v); return this; }
    public SentencePairClassifier setModelPath(String v) { set(modelPath, v); return this; }
    public SentencePairClassifier setEncoderThreads(int v) { set(encoderThreads, v); return this; }
    public SentencePairClassifier setBatchSize(int v) { set(batchSize, v); return this; }
    public SentencePairClassifier setPremiseKind(String v) { set(premiseKind, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        requireString(schema, $(premiseCol));
        if (!$(hypothesisCol).isEmpty()) {
            requireString(schema, $(hypothesisCol));
        }
        if (!isDefined(modelPath)) {
            throw new IllegalArgumentException(uid() + ": modelPath is not set");
        }
        if (List.of(schema.fieldNames()).contains($(outputCol))) {
            throw new IllegalArgumentException(uid() + ": output column " + $(outputCol) + " already exists");
        }
        return schema.add($(outputCol), OUTPUT_TYPE, true);
    }

    private static void requireString(StructType schema, String col) {
        if (!List.of(schema.fieldNames()).contains(col)) {
            throw new IllegalArgumentException("Input column " + col + " does not exist; columns: " + String.join(", ", schema.fieldNames()));
        }
        if (!schema.apply(col).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("Input column " + col + " must be a string, not " + schema.apply(col).dataType().simpleString());
        }
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outSchema = transformSchema(dataset.schema());
        String path = $(modelPath);
        String fixed = $(hypothesis);
        int threads = (Integer) $(encoderThreads);
        int batch = (Integer) $(batchSize);
        String premiseColumn = $(premiseCol);
        String hypCol = $(hypothesisCol).isEmpty() ? null : $(hypothesisCol);
        // Fail on the driver, before any task starts, when the model is missing or the hypothesis is wrong.
        ClassifierModel driverModel = ClassifierModel.load(path, threads, batch);
        if (hypCol == null && !fixed.isBlank()) {
            driverModel.checkHypothesis(fixed);
        }
        FeatureSet forced = $(premiseKind).equals("abstract") ? FeatureSet.ABSTRACT : null;
        if (forced != null) {
            driverModel.requireHead(forced);
        }
        // Large chunks let the featurizer sort many premises by length, so batches (when above 1) carry little padding.
        int chunk = Math.max(batch * 64, 2048);
        return dataset.toDF().mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows -> {
                    ClassifierModel model = ClassifierModel.load(path, threads, batch);
                    return new ChunkAppender(rows, outSchema, chunk, chunkRows -> score(model, chunkRows, premiseColumn, hypCol, forced));
                },
                Encoders.row(outSchema));
    }

    /**
     * Null premises (or null per-row hypotheses) give a null prediction rather than a made-up score.
     * A premise repeated on consecutive rows (an abstract carried on each of its sentence pairs) is
     * encoded once; equal premises further apart are encoded again, so what an input costs does not
     * depend on how often its texts happen to recur within a chunk.
     */
    private static Object[] score(ClassifierModel model, List<Row> rows, String premiseCol, String hypCol, FeatureSet forced) {
        List<String> premises = new ArrayList<>();
        int[] premiseOf = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String hypothesis = hypCol == null ? null : r.getAs(hypCol);
            if (hypothesis != null) {
                model.checkHypothesis(hypothesis);
            }
            String premise = r.getAs(premiseCol);
            if (premise == null || (hypCol != null && hypothesis == null)) {
                premiseOf[i] = -1;
                continue;
            }
            if (premises.isEmpty() || !premises.get(premises.size() - 1).equals(premise)) {
                premises.add(premise);
            }
            premiseOf[i] = premises.size() - 1;
        }
        ClassifierModel.Scores scores = model.score(premises, forced);
        Object[] out = new Object[rows.size()];
        for (int i = 0; i < out.length; i++) {
            int k = premiseOf[i];
            if (k >= 0) {
                out[i] = RowFactory.create(scores.entails()[k] ? ENTAILMENT : NOT_ENTAILMENT, scores.scores()[k]);
            }
        }
        return out;
    }

    @Override
    public SentencePairClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
