package org.geneassoc.nlp;

import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Keeps the texts in which at least one sentence names both a gene and a disease. Only those can yield
 * an association, so the rest never reach the encoder: not for the abstract screen, not for pairs.
 */
public class PairableFilter extends MentionStage<PairableFilter> {
    private static final long serialVersionUID = 1L;

    private final Param<String> sentencesCol;

    public PairableFilter() {
        this(Identifiable$.MODULE$.randomUID("pairableFilter"));
    }

    public PairableFilter(String uid) {
        super(uid);
        sentencesCol = new Param<>(this, "sentencesCol", "Spark NLP sentence annotations of the same text");
        setDefault(sentencesCol, "sentences");
    }

    public static MLReader<PairableFilter> read() {
        return new DefaultParamsReadable<PairableFilter>() { }.read();
    }

    public Param<String> sentencesCol() { return sentencesCol; }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumns(schema, $(mentionsCol()), $(sentencesCol));
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String mentions = $(mentionsCol());
        String sentences = $(sentencesCol);
        return dataset.toDF().filter((FilterFunction<Row>) r -> !r.isNullAt(r.fieldIndex(sentences))
                && pairable(MentionRow.listFrom(r, mentions), r.getList(r.fieldIndex(sentences))));
    }

    /** Whether a sentence (Spark NLP annotations: {@code begin}, {@code end} inclusive) holds a gene and a disease. */
    public static boolean pairable(List<MentionRow> mentions, List<Row> sentenceAnnotations) {
        for (Row sentence : sentenceAnnotations) {
            int from = sentence.<Integer>getAs("begin");
            int to = sentence.<Integer>getAs("end") + 1;
            boolean gene = false, disease = false;
            for (MentionRow m : mentions) {
                if (m.within(from, to)) {
                    gene |= m.isGene();
                    disease |= !m.isGene();
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
