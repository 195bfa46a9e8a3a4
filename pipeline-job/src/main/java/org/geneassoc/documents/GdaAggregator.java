package org.geneassoc.documents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.ingest.ArticleReader;

/**
 * Folds scored sentence rows back into one document per article with its {@code gda} list in text
 * order. The rows of one article arrive together in one partition (de-duplication shuffled by pmid
 * and every later stage is narrow), so this needs no second shuffle; a pmid seen again out of turn
 * means that no longer holds, and fails the task rather than writing a split document.
 */
public class GdaAggregator extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    public static final StructType GDA = new StructType()
            .add("sentence", DataTypes.StringType, false)
            .add("score", DataTypes.FloatType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false);
    public static final StructType DOCUMENT = new StructType()
            .add("_id", DataTypes.StringType, false)
            .add("pmid", DataTypes.StringType, false)
            .add("title", DataTypes.StringType)
            .add("journal", DataTypes.StringType)
            .add("firstPublicationDate", DataTypes.DateType)
            .add("authors", DataTypes.createArrayType(ArticleReader.AUTHOR, false))
            .add("abstract", DataTypes.StringType)
            .add("abstractScore", DataTypes.FloatType)
            .add("gda", DataTypes.createArrayType(GDA, false), false);

    private final String uid;

    public GdaAggregator() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("gdaAggregator"));
    }

    public GdaAggregator(String uid) {
        this.uid = uid;
    }

    public static MLReader<GdaAggregator> read() {
        return new DefaultParamsReadable<GdaAggregator>() { }.read();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        for (String c : new String[] {"pmid", "title", "journal", "firstPublicationDate", "authors", "abstract",
                "screen", "sentence", "start", "end", "prediction"}) {
            if (!java.util.Arrays.asList(schema.fieldNames()).contains(c)) {
                throw new IllegalArgumentException(uid + ": input lacks column " + c);
            }
        }
        return DOCUMENT;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> in = dataset.toDF().selectExpr("pmid", "title", "journal", "to_date(firstPublicationDate) AS date",
                "authors", "abstract", "screen.score AS abstractScore", "sentence", "prediction.score AS score", "start", "end");
        return in.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) Folder::new,
                Encoders.row(DOCUMENT));
    }

    @Override
    public GdaAggregator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Emits a document each time the pmid changes. */
    private static final class Folder implements Iterator<Row> {
        private final Iterator<Row> in;
        private final Set<String> done = new HashSet<>();
        private Row pending;

        Folder(Iterator<Row> in) {
            this.in = in;
            this.pending = in.hasNext() ? in.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public Row next() {
            if (pending == null) {
                throw new NoSuchElementException();
            }
            Row first = pending;
            String pmid = first.getString(0);
            if (!done.add(pmid)) {
                throw new IllegalStateException("pmid " + pmid + " arrived in two runs within a partition; a stage before "
                        + "GdaAggregator reordered rows");
            }
            List<Row> gda = new ArrayList<>();
            Row r = first;
            while (true) {
                gda.add(RowFactory.create(r.getString(7), r.getFloat(8), r.getInt(9), r.getInt(10)));
                pending = in.hasNext() ? in.next() : null;
                if (pending == null || !pending.getString(0).equals(pmid)) {
                    break;
                }
                r = pending;
            }
            gda.sort(java.util.Comparator.comparingInt((Row g) -> g.getInt(2)));
            return RowFactory.create(pmid, pmid, first.get(1), first.get(2), first.get(3), first.get(4), first.get(5),
                    first.get(6), scala.collection.JavaConverters.asScalaBuffer(gda).toList());
        }
    }
}
