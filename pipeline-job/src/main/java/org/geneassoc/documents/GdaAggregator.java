package org.geneassoc.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.documents.GdaDocument.Association;
import org.geneassoc.documents.GdaDocument.DiseaseMention;
import org.geneassoc.documents.GdaDocument.Evidence;
import org.geneassoc.documents.GdaDocument.GdaEntry;
import org.geneassoc.documents.GdaDocument.GeneMention;
import org.geneassoc.nlp.MentionRow;
import org.geneassoc.nlp.PairFeaturizer;
import org.geneassoc.spark.BaseTransformer;

/**
 * Folds scored rows back into one {@link GdaDocument} per article. Two kinds of rows arrive:
 * <ul>
 * <li>pairs (with a vocabulary): one row per associated (gene, disease) with the relation model's score and
 * type and its evidence; each becomes an {@code associations} entry, and the evidence sentences the sentence
 * head scores at least {@code sentenceThreshold} become the {@code gda} list;</li>
 * <li>sentences (without one): one row per scored sentence, each a {@code gda} entry.</li>
 * </ul>
 * The rows of one article arrive together in one partition (de-duplication shuffled by pmid and every later
 * stage is narrow), so this needs no second shuffle; a pmid seen again out of turn means that no longer
 * holds, and fails the task rather than writing a split document.
 */
public class GdaAggregator extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    private final DoubleParam sentenceThreshold;

    public GdaAggregator() {
        this(Identifiable$.MODULE$.randomUID("gdaAggregator"));
    }

    public GdaAggregator(String uid) {
        super(uid);
        sentenceThreshold = new DoubleParam(this, "sentenceThreshold", "lowest sentence score of an evidence sentence listed in gda",
                ParamValidators.inRange(0.0, 1.0));
        setDefault(sentenceThreshold, 0.0);
    }

    public static MLReader<GdaAggregator> read() {
        return new DefaultParamsReadable<GdaAggregator>() { }.read();
    }

    public DoubleParam sentenceThreshold() { return sentenceThreshold; }

    public GdaAggregator setSentenceThreshold(double v) { set(sentenceThreshold, v); return this; }

    private static boolean pairRows(StructType schema) {
        return java.util.Arrays.asList(schema.fieldNames()).contains("relation");
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumns(schema, "pmid", "title", "journal", "firstPublicationDate", "authors", "abstract");
        if (pairRows(schema)) {
            requireColumns(schema, "gene", "disease", PairFeaturizer.EVIDENCE, "relation");
        } else {
            requireColumns(schema, "screen", "sentence", "start", "end", "prediction");
        }
        return GdaDocument.SCHEMA;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        // Dates as written by ingest; one that does not parse becomes null rather than failing the article.
        Dataset<Row> in = dataset.toDF().withColumn("firstPublicationDate",
                org.apache.spark.sql.functions.to_date(org.apache.spark.sql.functions.col("firstPublicationDate")));
        if (pairRows(dataset.schema())) {
            float threshold = (float) (double) (Double) $(sentenceThreshold);
            return in.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Folder(rows, group -> pairDocument(group, threshold)),
                    Encoders.row(GdaDocument.SCHEMA));
        }
        return in.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Folder(rows, GdaAggregator::sentenceDocument),
                Encoders.row(GdaDocument.SCHEMA));
    }

    /** A scored evidence sentence of a pair, with the mentions it names. */
    public record PairEvidence(Evidence evidence, MentionRow gene, MentionRow disease) {
    }

    /** One associated pair of an article as the relation stage left it. */
    public record ScoredPair(MentionRow gene, MentionRow disease, float score, String type, List<PairEvidence> evidence) {
        static ScoredPair fromRow(Row r) {
            List<PairEvidence> evidence = new ArrayList<>();
            for (Row e : r.<Row>getList(r.fieldIndex(PairFeaturizer.EVIDENCE))) {
                MentionRow gene = mention(e, "gene");
                MentionRow disease = mention(e, "disease");
                evidence.add(new PairEvidence(GdaDocument.Evidence.fromRow(e, gene, disease), gene, disease));
            }
            Row relation = r.getAs("relation");
            return new ScoredPair(mention(r, "gene"), mention(r, "disease"), relation.<Float>getAs("score"), relation.getAs("type"), evidence);
        }
    }

    /** Associations, best-scored first, and the gda list: the evidence sentences scoring at least the threshold, in text order. */
    public static GdaDocument pairDocument(List<Row> rows, float sentenceThreshold) {
        List<Association> associations = new ArrayList<>();
        List<GdaEntry> gda = new ArrayList<>();
        for (Row r : rows) {
            ScoredPair p = ScoredPair.fromRow(r);
            associations.add(new Association(GdaDocument.Gene.of(p.gene()), GdaDocument.Disease.of(p.disease()), p.score(), p.type(),
                    p.evidence().stream().map(PairEvidence::evidence).toList()));
            for (PairEvidence e : p.evidence()) {
                Float score = e.evidence().score();
                if (score != null && score >= sentenceThreshold) {
                    gda.add(new GdaEntry(e.evidence().sentence(), score, e.evidence().start(), e.evidence().end(), GeneMention.of(e.gene()),
                            DiseaseMention.of(e.disease())));
                }
            }
        }
        associations.sort(Comparator.comparingDouble((Association a) -> -a.score()).thenComparing(a -> a.gene().entrezId())
                .thenComparing(a -> a.disease().id()));
        gda.sort(Comparator.comparingInt(GdaEntry::start).thenComparing(e -> e.gene().gene().entrezId()));
        return document(rows.get(0), null, gda, associations);
    }

    /** The gda entries of one article's scored sentences, in text order; no associations. */
    private static GdaDocument sentenceDocument(List<Row> rows) {
        List<GdaEntry> gda = new ArrayList<>();
        for (Row r : rows) {
            gda.add(new GdaEntry(r.getAs("sentence"), r.<Row>getAs("prediction").<Float>getAs("score"), r.<Integer>getAs("start"),
                    r.<Integer>getAs("end"), null, null));
        }
        gda.sort(Comparator.comparingInt(GdaEntry::start));
        Row first = rows.get(0);
        return document(first, first.<Row>getAs("screen").<Float>getAs("score"), gda, List.of());
    }

    private static GdaDocument document(Row first, Float abstractScore, List<GdaEntry> gda, List<Association> associations) {
        List<Row> authors = first.isNullAt(first.fieldIndex("authors")) ? null : first.getList(first.fieldIndex("authors"));
        return new GdaDocument(first.getAs("pmid"), first.getAs("title"), first.getAs("journal"), first.getAs("firstPublicationDate"),
                authors, first.getAs("abstract"), abstractScore, gda, associations);
    }

    private static MentionRow mention(Row r, String column) {
        Row m = r.getAs(column);
        return m == null ? null : MentionRow.fromRow(m);
    }

    @Override
    public GdaAggregator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Emits a document each time the pmid changes. */
    private static final class Folder implements Iterator<Row> {
        private final Iterator<Row> in;
        private final Function<List<Row>, GdaDocument> fold;
        private final Set<String> done = new HashSet<>();
        private Row pending;

        Folder(Iterator<Row> in, Function<List<Row>, GdaDocument> fold) {
            this.in = in;
            this.fold = fold;
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
            String pmid = pending.getAs("pmid");
            if (!done.add(pmid)) {
                throw new IllegalStateException("pmid " + pmid + " arrived in two runs within a partition; a stage before "
                        + "GdaAggregator reordered rows");
            }
            List<Row> rows = new ArrayList<>();
            for (Row r = pending; r != null && pmid.equals(r.getAs("pmid")); r = pending) {
                rows.add(r);
                pending = in.hasNext() ? in.next() : null;
            }
            return fold.apply(rows).toRow();
        }
    }
}
