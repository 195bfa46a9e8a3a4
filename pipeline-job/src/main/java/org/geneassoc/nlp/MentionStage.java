package org.geneassoc.nlp;

import org.apache.spark.ml.param.Param;
import org.geneassoc.spark.BaseTransformer;

/**
 * A stage that reads the {@code mentions} column; the names of the pair columns such stages write are here.
 */
public abstract class MentionStage<T extends MentionStage<T>> extends BaseTransformer {
    private static final long serialVersionUID = 1L;
    public static final String GENE = "gene";
    public static final String DISEASE = "disease";

    private final Param<String> mentionsCol;

    protected MentionStage(String uid) {
        super(uid);
        mentionsCol = new Param<>(this, "mentionsCol", "mentions of the whole text (EntityRecognizer; offsets into it)");
        setDefault(mentionsCol, EntityRecognizer.DEFAULT_OUTPUT);
    }

    public final Param<String> mentionsCol() {
        return mentionsCol;
    }

    @SuppressWarnings("unchecked")
    public final T setMentionsCol(String v) {
        set(mentionsCol, v);
        return (T) this;
    }
}
