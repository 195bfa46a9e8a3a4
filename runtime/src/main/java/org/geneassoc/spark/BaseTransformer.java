package org.geneassoc.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.types.StructType;

/**
 * What every GeneAssoc stage shares: its uid, default persistence (Params only, so a pipeline of these
 * saves and loads with {@code PipelineModel.write()/load()}), copying, and the check that the columns a
 * stage reads exist. Each subclass keeps a public {@code (String uid)} constructor and a static
 * {@code read()} for {@code DefaultParamsReadable}.
 */
public abstract class BaseTransformer extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;

    protected BaseTransformer(String uid) {
        this.uid = uid;
    }

    @Override
    public final String uid() {
        return uid;
    }

    /** Fails, naming this stage and what is missing, unless every column exists. */
    protected final void requireColumns(StructType schema, String... columns) {
        List<String> present = Arrays.asList(schema.fieldNames());
        for (String c : columns) {
            if (c == null || !present.contains(c)) {
                throw new IllegalArgumentException(uid + ": input lacks column " + c + "; it has " + String.join(", ", present));
            }
        }
    }

    @Override
    public Transformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
