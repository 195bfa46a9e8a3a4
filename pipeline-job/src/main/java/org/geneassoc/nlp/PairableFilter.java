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
 * Keeps the articles that name at least one gene and one disease, in the text or the title. Only those
 * have a pair to score, so the rest are neither split into sentences nor seen by the encoder.
 */
public class PairableFilter extends MentionStage<PairableFilter> {
    private static final long serialVersionUID = 1L;

    private final Param<String> titleMentionsCol;

    public PairableFilter() {
        this(Identifiable$.MODULE$.randomUID("pairableFilter"));
    }

    public PairableFilter(String uid) {
        super(uid);
        titleMentionsCol = new Param<>(this, "titleMentionsCol", "mentions of the title");
        setDefault(titleMentionsCol, "titleMentions");
    }

    public static MLReader<PairableFilter> read() {
        return new DefaultParamsReadable<PairableFilter>() { }.read();
    }

    public Param<String> titleMentionsCol() { return titleMentionsCol; }

    public PairableFilter setTitleMentionsCol(String v) { set(titleMentionsCol, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumns(schema, $(mentionsCol()), $(titleMentionsCol));
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String mentions = $(mentionsCol());
        String title = $(titleMentionsCol);
        return dataset.toDF().filter((FilterFunction<Row>) r -> {
            List<MentionRow> all = new java.util.ArrayList<>(MentionRow.listFrom(r, mentions));
            all.addAll(MentionRow.listFrom(r, title));
            return pairable(all);
        });
    }

    /** Whether the mentions hold a gene and a disease. */
    public static boolean pairable(List<MentionRow> mentions) {
        return mentions.stream().anyMatch(MentionRow::isGene) && mentions.stream().anyMatch(m -> !m.isGene());
    }

    @Override
    public PairableFilter copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
