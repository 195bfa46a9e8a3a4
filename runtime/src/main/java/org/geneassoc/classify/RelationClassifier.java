package org.geneassoc.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.spark.BaseTransformer;
import org.geneassoc.spark.LocalFolders;
import org.geneassoc.spark.Rows;

/**
 * Scores each candidate pair's {@link PairFeature} vector with the classifier folder's {@link RelationModel}:
 * adds {@code outputCol} = struct {@code score} (probability that the pair is associated) and {@code type}
 * (the most probable relation type).
 */
public class RelationClassifier extends BaseTransformer {
    private static final long serialVersionUID = 1L;
    public static final StructType OUTPUT_TYPE = new StructType()
            .add("score", DataTypes.FloatType, false)
            .add("type", DataTypes.StringType, false);
    private static final Map<String, RelationModel> LOADED = new ConcurrentHashMap<>();

    private final Param<String> featuresCol;
    private final Param<String> outputCol;
    private final Param<String> modelPath;

    public RelationClassifier() {
        this(Identifiable$.MODULE$.randomUID("relationClassifier"));
    }

    public RelationClassifier(String uid) {
        super(uid);
        featuresCol = new Param<>(this, "featuresCol", "pair feature vector (PairFeature order)");
        outputCol = new Param<>(this, "outputCol", "output struct column {score, type}");
        modelPath = new Param<>(this, "modelPath", "classifier model folder whose manifest names the relation model");
        setDefault(featuresCol, "pairFeatures");
        setDefault(outputCol, "relation");
    }

    public static MLReader<RelationClassifier> read() {
        return new DefaultParamsReadable<RelationClassifier>() { }.read();
    }

    public Param<String> featuresCol() { return featuresCol; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> modelPath() { return modelPath; }

    public RelationClassifier setFeaturesCol(String v) { set(featuresCol, v); return this; }
    public RelationClassifier setOutputCol(String v) { set(outputCol, v); return this; }
    public RelationClassifier setModelPath(String v) { set(modelPath, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumns(schema, $(featuresCol));
        if (!schema.apply($(featuresCol)).dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException(uid() + ": " + $(featuresCol) + " must be a vector column");
        }
        if (!isDefined(modelPath)) {
            throw new IllegalArgumentException(uid() + ": modelPath is not set");
        }
        return schema.add($(outputCol), OUTPUT_TYPE, false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        String path = $(modelPath);
        String col = $(featuresCol);
        // Fail on the driver, before any task starts, when the model is missing or reads other features.
        load(path);
        return dataset.toDF().map((MapFunction<Row, Row>) r -> {
            RelationModel model = load(path);
            double[] x = r.<Vector>getAs(col).toArray();
            return Rows.append(r, out, RowFactory.create((float) model.score(x), model.type(x)));
        }, Encoders.row(out));
    }

    /** The relation model of a classifier folder, loaded once per JVM. */
    public static RelationModel load(String location) {
        return LOADED.computeIfAbsent(location, k -> {
            try {
                Path folder = LocalFolders.of(location, "Classifier model folder");
                ModelManifest manifest = ModelManifest.read(folder);
                if (manifest.relation() == null) {
                    throw new IOException("Classifier " + location + " has no relation model; train one with `bin/geneassoc train-relations`");
                }
                RelationModel model = RelationModel.read(folder.resolve(manifest.relation()));
                model.requireFeatures(PairFeature.names(), location);
                return model;
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public RelationClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
