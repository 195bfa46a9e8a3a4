package org.geneassoc.nlp;

import org.geneassoc.spark.BaseTransformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;

/**
 * One row per sentence annotation: {@code sentence}, {@code start} and {@code end} (end exclusive,
 * offsets into the text column). The sentence is cut from the text at those offsets, so it is always
 * a substring of the text stored with it. Annotation columns are dropped; the other columns are kept.
 */
public class SentenceExploder extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    private final Param<String> annotationsCol;
    private final Param<String> textCol;
    private final Param<String> sentenceCol;

    public SentenceExploder() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("sentenceExploder"));
    }

    public SentenceExploder(String uid) {
        super(uid);
        annotationsCol = new Param<>(this, "annotationsCol", "Spark NLP sentence annotations");
        textCol = new Param<>(this, "textCol", "the text the annotations point into");
        sentenceCol = new Param<>(this, "sentenceCol", "output sentence column (start and end beside it)");
        setDefault(sentenceCol, "sentence");
    }

    public static MLReader<SentenceExploder> read() {
        return new DefaultParamsReadable<SentenceExploder>() { }.read();
    }

    public Param<String> annotationsCol() { return annotationsCol; }
    public Param<String> textCol() { return textCol; }
    public Param<String> sentenceCol() { return sentenceCol; }

    public SentenceExploder setAnnotationsCol(String v) { set(annotationsCol, v); return this; }
    public SentenceExploder setTextCol(String v) { set(textCol, v); return this; }
    public SentenceExploder setSentenceCol(String v) { set(sentenceCol, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        for (Param<String> p : java.util.List.of(annotationsCol, textCol)) {
            if (!isDefined(p) || !java.util.Arrays.asList(schema.fieldNames()).contains($(p))) {
                throw new IllegalArgumentException(uid() + ": column for " + p.name() + " is not set or missing");
            }
        }
        StructType out = new StructType();
        for (var f : schema.fields()) {
            if (!f.name().equals($(annotationsCol)) && !f.name().equals($(textCol) + "_document")) {
                out = out.add(f);
            }
        }
        return out.add($(sentenceCol), DataTypes.StringType, false)
                .add("start", DataTypes.IntegerType, false)
                .add("end", DataTypes.IntegerType, false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String ann = $(annotationsCol);
        Dataset<Row> exploded = dataset.toDF().withColumn("_ann", explode(col(ann)))
                .drop(ann, $(textCol) + "_document");
        Column start = col("_ann.begin");
        Column end = col("_ann.end").plus(1);
        return exploded
                .withColumn($(sentenceCol), expr("substring(`" + $(textCol) + "`, _ann.begin + 1, _ann.end - _ann.begin + 1)"))
                .withColumn("start", start)
                .withColumn("end", end)
                .drop("_ann");
    }

    @Override
    public SentenceExploder copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
