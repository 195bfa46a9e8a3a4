package org.geneassoc.nlp;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Keeps the texts in which at least one sentence names both a gene and a disease. Only those can yield
 * an association, so the rest never reach the encoder: not for the abstract screen, not for pairs.
 */
public class PairableFilter extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> mentionsCol;
    private final Param<String> sentencesCol;

    public PairableFilter() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("pairableFilter"));
    }

    public PairableFilter(String uid) {
        this.uid = uid;
        mentionsCol = new Param<>(this, "mentionsCol", "mentions of the text (EntityRecognizer)");
        sentencesCol = new Param<>(this, "sentencesCol", "Spark NLP sentence annotations of the same text");
        setDefault(mentionsCol, "mentions");
        setDefault(sentencesCol, "sentences");
    }

    public static MLReader<PairableFilter> read() {
        return new DefaultParamsReadable<PairableFilter>() { }.read();
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> mentionsCol() { return mentionsCol; }
    public Param<String> sentencesCol() { return sentencesCol; }

    @Override
    public StructType transformSchema(StructType schema) {
        for (Param<String> p : java.util.List.of(mentionsCol, sentencesCol)) {
            if (!java.util.Arrays.asList(schema.fieldNames()).contains($(p))) {
                throw new IllegalArgumentException(uid + ": input lacks column " + $(p));
            }
        }
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        int m = dataset.schema().fieldIndex($(mentionsCol));
        int s = dataset.schema().fieldIndex($(sentencesCol));
        return dataset.toDF().filter((org.apache.spark.api.java.function.FilterFunction<Row>) r -> pairable(r, m, s));
    }

    /** Whether a sentence (annotation end inclusive) holds a gene mention and a disease mention. */
    static boolean pairable(Row r, int mentionsIdx, int sentencesIdx) {
        if (r.isNullAt(mentionsIdx) || r.isNullAt(sentencesIdx)) {
            return false;
        }
        java.util.List<Row> mentions = r.getList(mentionsIdx);
        for (Row sentence : r.<Row>getList(sentencesIdx)) {
            int from = sentence.<Integer>getAs("begin");
            int to = sentence.<Integer>getAs("end") + 1;
            boolean gene = false, disease = false;
            for (Row mention : mentions) {
                if (mention.getInt(1) >= from && mention.getInt(2) <= to) {
                    gene |= mention.getString(3).equals("GENE");
                    disease |= !mention.getString(3).equals("GENE");
                }
            }
            if (gene && disease) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PairableFilter copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
