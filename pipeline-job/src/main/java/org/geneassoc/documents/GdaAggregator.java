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
 * Folds scored sentence (or sentence-pair) rows back into one document per article: its {@code gda}
 * list in text order and, where genes and diseases were recognised, one {@code associations} entry per
 * distinct (gene, disease) with its best score and all its evidence. The rows of one article arrive together in one partition (de-duplication shuffled by pmid
 * and every later stage is narrow), so this needs no second shuffle; a pmid seen again out of turn
 * means that no longer holds, and fails the task rather than writing a split document.
 */
public class GdaAggregator extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    public static final StructType GENE = new StructType()
            .add("symbol", DataTypes.StringType).add("hgncId", DataTypes.StringType).add("entrezId", DataTypes.StringType, false);
    public static final StructType DISEASE = new StructType()
            .add("name", DataTypes.StringType).add("meshId", DataTypes.StringType).add("id", DataTypes.StringType, false);
    public static final StructType GENE_MENTION = new StructType()
            .add("text", DataTypes.StringType, false).add("start", DataTypes.IntegerType, false).add("end", DataTypes.IntegerType, false)
            .add("symbol", DataTypes.StringType).add("hgncId", DataTypes.StringType).add("entrezId", DataTypes.StringType, false);
    public static final StructType DISEASE_MENTION = new StructType()
            .add("text", DataTypes.StringType, false).add("start", DataTypes.IntegerType, false).add("end", DataTypes.IntegerType, false)
            .add("name", DataTypes.StringType).add("meshId", DataTypes.StringType).add("id", DataTypes.StringType, false);
    /** A scored sentence; in pair mode also the gene and disease it was scored for. */
    public static final StructType GDA = new StructType()
            .add("sentence", DataTypes.StringType, false)
            .add("score", DataTypes.FloatType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("gene", GENE_MENTION)
            .add("disease", DISEASE_MENTION);
    public static final StructType EVIDENCE = new StructType()
            .add("sentence", DataTypes.StringType, false).add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false).add("score", DataTypes.FloatType, false);
    /** One per distinct (gene, disease) in an article: the best score and every sentence that supports it. */
    public static final StructType ASSOCIATION = new StructType()
            .add("gene", GENE, false)
            .add("disease", DISEASE, false)
            .add("score", DataTypes.FloatType, false)
            .add("evidence", DataTypes.createArrayType(EVIDENCE, false), false);
    public static final StructType DOCUMENT = new StructType()
            .add("_id", DataTypes.StringType, false)
            .add("pmid", DataTypes.StringType, false)
            .add("title", DataTypes.StringType)
            .add("journal", DataTypes.StringType)
            .add("firstPublicationDate", DataTypes.DateType)
            .add("authors", DataTypes.createArrayType(ArticleReader.AUTHOR, false))
            .add("abstract", DataTypes.StringType)
            .add("abstractScore", DataTypes.FloatType)
            .add("gda", DataTypes.createArrayType(GDA, false), false)
            .add("associations", DataTypes.createArrayType(ASSOCIATION, false), false);

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
        boolean pairs = java.util.Arrays.asList(dataset.schema().fieldNames()).contains("gene");
        Dataset<Row> in = dataset.toDF().selectExpr("pmid", "title", "journal", "to_date(firstPublicationDate) AS date",
                "authors", "abstract", "screen.score AS abstractScore", "sentence", "prediction.score AS score", "start", "end",
                pairs ? "gene" : "CAST(NULL AS " + org.geneassoc.nlp.EntityRecognizer.MENTION.sql() + ") AS gene",
                pairs ? "disease" : "CAST(NULL AS " + org.geneassoc.nlp.EntityRecognizer.MENTION.sql() + ") AS disease");
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
            java.util.Map<String, List<Row>> byPair = new java.util.LinkedHashMap<>();
            Row r = first;
            while (true) {
                Row gene = r.isNullAt(11) ? null : r.getStruct(11);
                Row disease = r.isNullAt(12) ? null : r.getStruct(12);
                gda.add(RowFactory.create(r.getString(7), r.getFloat(8), r.getInt(9), r.getInt(10),
                        gene == null ? null : RowFactory.create(gene.get(0), gene.get(1), gene.get(2), gene.get(5), gene.get(6), gene.get(4)),
                        disease == null ? null : RowFactory.create(disease.get(0), disease.get(1), disease.get(2), disease.get(5), disease.get(7), disease.get(4))));
                if (gene != null && disease != null) {
                    byPair.computeIfAbsent(gene.getString(4) + "|" + disease.getString(4), k -> new ArrayList<>()).add(r);
                }
                pending = in.hasNext() ? in.next() : null;
                if (pending == null || !pending.getString(0).equals(pmid)) {
                    break;
                }
                r = pending;
            }
            gda.sort(java.util.Comparator.comparingInt((Row g) -> g.getInt(2)));
            return RowFactory.create(pmid, pmid, first.get(1), first.get(2), first.get(3), first.get(4), first.get(5),
                    first.get(6), seq(gda), seq(associations(byPair)));
        }

        /** Best-scored first; each with its evidence in text order. */
        private static List<Row> associations(java.util.Map<String, List<Row>> byPair) {
            List<Row> out = new ArrayList<>();
            for (List<Row> rows : byPair.values()) {
                Row gene = rows.get(0).getStruct(11);
                Row disease = rows.get(0).getStruct(12);
                float best = 0;
                List<Row> evidence = new ArrayList<>();
                for (Row e : rows) {
                    best = Math.max(best, e.getFloat(8));
                    evidence.add(RowFactory.create(e.getString(7), e.getInt(9), e.getInt(10), e.getFloat(8)));
                }
                evidence.sort(java.util.Comparator.comparingInt((Row e) -> e.getInt(1)));
                out.add(RowFactory.create(RowFactory.create(gene.get(5), gene.get(6), gene.get(4)),
                        RowFactory.create(disease.get(5), disease.get(7), disease.get(4)), best, seq(evidence)));
            }
            out.sort(java.util.Comparator.comparingDouble((Row a) -> -a.getFloat(2)).thenComparing(a -> a.getStruct(0).getString(2)));
            return out;
        }

        private static scala.collection.Seq<Row> seq(List<Row> rows) {
            return scala.collection.JavaConverters.asScalaBuffer(rows).toList();
        }
    }
}
