package org.geneassoc.nlp;

import org.geneassoc.spark.BaseTransformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/** Keeps the rows whose score ({@code scoreCol}, a column or a struct field path) is at least {@code threshold}. */
public class ScoreFilter extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    private final Param<String> scoreCol;
    private final DoubleParam threshold;

    public ScoreFilter() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("scoreFilter"));
    }

    public ScoreFilter(String uid) {
        super(uid);
        scoreCol = new Param<>(this, "scoreCol", "score column or struct field, e.g. prediction.score");
        threshold = new DoubleParam(this, "threshold", "lowest score kept", ParamValidators.inRange(0.0, 1.0));
    }

    public static MLReader<ScoreFilter> read() {
        return new DefaultParamsReadable<ScoreFilter>() { }.read();
    }

    public Param<String> scoreCol() { return scoreCol; }
    public DoubleParam threshold() { return threshold; }

    public ScoreFilter setScoreCol(String v) { set(scoreCol, v); return this; }
    public ScoreFilter setThreshold(double v) { set(threshold, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(scoreCol) || !isDefined(threshold)) {
            throw new IllegalArgumentException(uid() + ": set scoreCol and threshold");
        }
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        return dataset.toDF().filter(col($(scoreCol)).geq((Double) $(threshold)));
    }

    @Override
    public ScoreFilter copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
