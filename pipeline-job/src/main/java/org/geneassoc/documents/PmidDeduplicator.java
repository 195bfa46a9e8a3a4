package org.geneassoc.documents;

import org.geneassoc.spark.BaseTransformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.row_number;

/**
 * One record per {@code pmid}: of duplicates the one with the longest abstract, ties broken by source
 * name, so the same input always yields the same document. The shuffle by pmid also places every
 * article in exactly one partition, which {@link GdaAggregator} relies on.
 */
public class PmidDeduplicator extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    public PmidDeduplicator() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("pmidDeduplicator"));
    }

    public PmidDeduplicator(String uid) {
        super(uid);
    }

    public static MLReader<PmidDeduplicator> read() {
        return new DefaultParamsReadable<PmidDeduplicator>() { }.read();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        for (String c : new String[] {"pmid", "abstract", "source"}) {
            if (!java.util.Arrays.asList(schema.fieldNames()).contains(c)) {
                throw new IllegalArgumentException(uid() + ": input lacks column " + c);
            }
        }
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        return dataset.toDF()
                .withColumn("_rank", row_number().over(Window.partitionBy("pmid").orderBy(length(col("abstract")).desc(), col("source"))))
                .filter(col("_rank").equalTo(1))
                .drop("_rank");
    }

    @Override
    public PmidDeduplicator copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
