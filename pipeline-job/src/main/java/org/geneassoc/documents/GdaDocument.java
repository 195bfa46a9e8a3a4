package org.geneassoc.documents;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.nlp.MentionRow;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The document written for each article, and each part of it, as a record with its one Spark schema:
 * rows are built with {@code toRow()} and read with {@code fromRow(Row)}, by field name.
 *
 * @param authors the article's author rows, passed through as ingest wrote them ({@link ArticleReader#AUTHOR})
 */
public record GdaDocument(String pmid, String title, String journal, Date firstPublicationDate, List<Row> authors,
                          String abstractText, Float abstractScore, List<GdaEntry> gda, List<Association> associations) {

    /**
     * A gene as associations name it: its own Entrez ID, symbol and NCBI taxon, the HGNC ID of a human gene,
     * and for a mouse or rat gene its human one-to-one ortholog, so that one query on
     * {@code entrezId} or {@code orthologEntrezId} finds a gene's articles in all three species.
     */
    public record Gene(String symbol, String entrezId, String taxon, String hgncId, String orthologEntrezId, String orthologSymbol) {
        public static final StructType SCHEMA = new StructType()
                .add("symbol", DataTypes.StringType).add("entrezId", DataTypes.StringType, false).add("taxon", DataTypes.StringType)
                .add("hgncId", DataTypes.StringType).add("orthologEntrezId", DataTypes.StringType).add("orthologSymbol", DataTypes.StringType);

        public static Gene of(MentionRow m) {
            return new Gene(m.name(), m.id(), m.taxon(), m.hgncId(), m.orthologId(), m.orthologSymbol());
        }

        public static Gene fromRow(Row r) {
            return new Gene(r.getAs("symbol"), r.getAs("entrezId"), r.getAs("taxon"), r.getAs("hgncId"), r.getAs("orthologEntrezId"),
                    r.getAs("orthologSymbol"));
        }

        Object[] values() {
            return new Object[] {symbol, entrezId, taxon, hgncId, orthologEntrezId, orthologSymbol};
        }

        Row toRow() {
            return RowFactory.create(values());
        }
    }

    /** A disease as associations name it. */
    public record Disease(String name, String meshId, String id) {
        public static final StructType SCHEMA = new StructType()
                .add("name", DataTypes.StringType).add("meshId", DataTypes.StringType).add("id", DataTypes.StringType, false);

        public static Disease of(MentionRow m) {
            return new Disease(m.name(), m.meshId(), m.id());
        }

        public static Disease fromRow(Row r) {
            return new Disease(r.getAs("name"), r.getAs("meshId"), r.getAs("id"));
        }

        Object[] values() {
            return new Object[] {name, meshId, id};
        }

        Row toRow() {
            return RowFactory.create(values());
        }
    }

    /**
     * A mention's schema and row: where it is in the text, then the fields of what it names. Its own class, so
     * that initialising a mention's schema never initialises GdaDocument, whose schema needs the mention's
     * (an executor that loaded GdaEntry first saw a null element type through that cycle).
     */
    private static final class Span {
        private Span() {
        }

        static StructType schema(StructType entity) {
            StructType span = new StructType().add("text", DataTypes.StringType, false).add("start", DataTypes.IntegerType, false)
                    .add("end", DataTypes.IntegerType, false);
            for (org.apache.spark.sql.types.StructField f : entity.fields()) {
                span = span.add(f);
            }
            return span;
        }

        static Row row(String text, int start, int end, Object[] entity) {
            Object[] values = new Object[entity.length + 3];
            values[0] = text;
            values[1] = start;
            values[2] = end;
            System.arraycopy(entity, 0, values, 3, entity.length);
            return RowFactory.create(values);
        }
    }

    /** A gene mention in a GDA entry: where it is, and which gene. */
    public record GeneMention(String text, int start, int end, Gene gene) {
        public static final StructType SCHEMA = Span.schema(Gene.SCHEMA);

        static GeneMention of(MentionRow m) {
            return m == null ? null : new GeneMention(m.text(), m.start(), m.end(), Gene.of(m));
        }

        Row toRow() {
            return Span.row(text, start, end, gene.values());
        }
    }

    /** A disease mention in a GDA entry: where it is, and which disease. */
    public record DiseaseMention(String text, int start, int end, Disease disease) {
        public static final StructType SCHEMA = Span.schema(Disease.SCHEMA);

        static DiseaseMention of(MentionRow m) {
            return m == null ? null : new DiseaseMention(m.text(), m.start(), m.end(), Disease.of(m));
        }

        Row toRow() {
            return Span.row(text, start, end, disease.values());
        }
    }

    /** A scored sentence; in pair mode also the gene and disease it was scored for (else both null). */
    public record GdaEntry(String sentence, float score, int start, int end, GeneMention gene, DiseaseMention disease) {
        public static final StructType SCHEMA = new StructType()
                .add("sentence", DataTypes.StringType, false)
                .add("score", DataTypes.FloatType, false)
                .add("start", DataTypes.IntegerType, false)
                .add("end", DataTypes.IntegerType, false)
                .add("gene", GeneMention.SCHEMA)
                .add("disease", DiseaseMention.SCHEMA);

        Row toRow() {
            return RowFactory.create(sentence, score, start, end, gene == null ? null : gene.toRow(),
                    disease == null ? null : disease.toRow());
        }
    }

    /** Where a mention is in the abstract, for evidence: its text and offsets. */
    public record Marked(String text, int start, int end) {
        public static final StructType SCHEMA = new StructType().add("text", DataTypes.StringType, false)
                .add("start", DataTypes.IntegerType, false).add("end", DataTypes.IntegerType, false);

        static Marked of(MentionRow m) {
            return m == null ? null : new Marked(m.text(), m.start(), m.end());
        }

        static Marked fromRow(Row r) {
            return r == null ? null : new Marked(r.getAs("text"), r.<Integer>getAs("start"), r.<Integer>getAs("end"));
        }

        Row toRow() {
            return RowFactory.create(text, start, end);
        }
    }

    /**
     * A sentence that supports an association: one naming both, with the sentence head's score, or (for a
     * pair no sentence names together) the nearest sentences naming each, with no score. {@code gene} and
     * {@code disease} mark the mentions the sentence holds (null for the one it does not name), at offsets
     * into the abstract like the sentence's.
     */
    public record Evidence(String sentence, int start, int end, Float score, Marked gene, Marked disease) {
        public static final StructType SCHEMA = new StructType()
                .add("sentence", DataTypes.StringType, false).add("start", DataTypes.IntegerType, false)
                .add("end", DataTypes.IntegerType, false).add("score", DataTypes.FloatType, true)
                .add("gene", Marked.SCHEMA, true).add("disease", Marked.SCHEMA, true);

        /** An evidence row as the job writes it; one from the relation stage (no marks of its own) takes {@code gene} and {@code disease}. */
        static Evidence fromRow(Row r, MentionRow gene, MentionRow disease) {
            return new Evidence(r.getAs("sentence"), r.<Integer>getAs("start"), r.<Integer>getAs("end"), r.getAs("score"),
                    Marked.of(gene), Marked.of(disease));
        }

        static Evidence fromRow(Row r) {
            return new Evidence(r.getAs("sentence"), r.<Integer>getAs("start"), r.<Integer>getAs("end"), r.getAs("score"),
                    Marked.fromRow(r.getAs("gene")), Marked.fromRow(r.getAs("disease")));
        }

        Row toRow() {
            return RowFactory.create(sentence, start, end, score, gene == null ? null : gene.toRow(), disease == null ? null : disease.toRow());
        }
    }

    /**
     * One per distinct (gene, disease) in an article: the relation model's score and relation type (in
     * sentence mode, without a vocabulary: the best sentence score and no type) and its evidence.
     */
    public record Association(Gene gene, Disease disease, float score, String type, List<Evidence> evidence) {
        public static final StructType SCHEMA = new StructType()
                .add("gene", Gene.SCHEMA, false)
                .add("disease", Disease.SCHEMA, false)
                .add("score", DataTypes.FloatType, false)
                .add("type", DataTypes.StringType, true)
                .add("evidence", DataTypes.createArrayType(Evidence.SCHEMA, false), false);

        /** Whether some sentence names both and was scored. */
        public boolean coMentioned() {
            return evidence.stream().anyMatch(e -> e.score() != null);
        }

        public static Association fromRow(Row r) {
            List<Evidence> evidence = new ArrayList<>();
            for (Row e : r.<Row>getList(r.fieldIndex("evidence"))) {
                evidence.add(Evidence.fromRow(e));
            }
            return new Association(Gene.fromRow(r.getAs("gene")), Disease.fromRow(r.getAs("disease")), r.<Float>getAs("score"),
                    r.getAs("type"), evidence);
        }

        Row toRow() {
            return RowFactory.create(gene.toRow(), disease.toRow(), score, type, seq(evidence.stream().map(Evidence::toRow).toList()));
        }
    }

    public static final StructType SCHEMA = new StructType()
            .add("_id", DataTypes.StringType, false)
            .add("pmid", DataTypes.StringType, false)
            .add("title", DataTypes.StringType)
            .add("journal", DataTypes.StringType)
            .add("firstPublicationDate", DataTypes.DateType)
            .add("authors", DataTypes.createArrayType(ArticleReader.AUTHOR, false))
            .add("abstract", DataTypes.StringType)
            .add("abstractScore", DataTypes.FloatType)
            .add("gda", DataTypes.createArrayType(GdaEntry.SCHEMA, false), false)
            .add("associations", DataTypes.createArrayType(Association.SCHEMA, false), false);

    /** Which models and thresholds wrote a document ({@link ModelVersion}), and when: added to every document by {@link #stamp}. */
    public static final String MODEL_VERSION = "modelVersion";
    public static final String PROCESSED_AT = "processedAt";
    /** A document as the sinks hold it: its fields, then what {@link #stamp} adds. */
    public static final StructType STORED_SCHEMA = SCHEMA.add(MODEL_VERSION, DataTypes.StringType).add(PROCESSED_AT, DataTypes.TimestampType);

    /** The documents with the run's model version and start time. */
    public static Dataset<Row> stamp(Dataset<Row> documents, String modelVersion, java.time.Instant processedAt) {
        return documents.withColumn(MODEL_VERSION, functions.lit(modelVersion))
                .withColumn(PROCESSED_AT, functions.lit(java.sql.Timestamp.from(processedAt)));
    }

    /** The pmid is also the document's {@code _id}, so writing it again replaces it. */
    public Row toRow() {
        return RowFactory.create(pmid, pmid, title, journal, firstPublicationDate, authors == null ? null : seq(authors), abstractText,
                abstractScore, seq(gda.stream().map(GdaEntry::toRow).toList()),
                seq(associations.stream().map(Association::toRow).toList()));
    }

    /** What evaluation reads back from a document: its pmid, screen score and associations with their evidence. */
    public static GdaDocument fromRow(Row r) {
        List<Association> associations = new ArrayList<>();
        for (Row a : r.<Row>getList(r.fieldIndex("associations"))) {
            associations.add(Association.fromRow(a));
        }
        return new GdaDocument(r.getAs("pmid"), r.getAs("title"), r.getAs("journal"), r.getAs("firstPublicationDate"), null,
                r.getAs("abstract"), r.getAs("abstractScore"), List.of(), associations);
    }

    private static Seq<Row> seq(List<Row> rows) {
        return JavaConverters.asScalaBuffer(rows).toList();
    }
}
