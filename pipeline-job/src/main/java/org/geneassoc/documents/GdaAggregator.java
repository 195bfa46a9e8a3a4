package org.geneassoc.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.param.ParamMap;
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
import org.geneassoc.spark.BaseTransformer;

/**
 * Folds scored sentence (or sentence-pair) rows back into one {@link GdaDocument} per article: its
 * {@code gda} list in text order and, where genes and diseases were recognised, one {@code associations}
 * entry per distinct (gene, disease) with its best score and all its evidence. The rows of one article
 * arrive together in one partition (de-duplication shuffled by pmid and every later stage is narrow), so
 * this needs no second shuffle; a pmid seen again out of turn means that no longer holds, and fails the
 * task rather than writing a split document.
 */
public class GdaAggregator extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    /** One scored row of an article: a sentence, or a sentence pair with its gene and disease. */
    public record Scored(String sentence, float score, int start, int end, MentionRow gene, MentionRow disease) {
        boolean isPair() {
            return gene != null && disease != null;
        }
    }

    public GdaAggregator() {
        this(Identifiable$.MODULE$.randomUID("gdaAggregator"));
    }

    public GdaAggregator(String uid) {
        super(uid);
    }

    public static MLReader<GdaAggregator> read() {
        return new DefaultParamsReadable<GdaAggregator>() { }.read();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumns(schema, "pmid", "title", "journal", "firstPublicationDate", "authors", "abstract",
                "screen", "sentence", "start", "end", "prediction");
        return GdaDocument.SCHEMA;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        boolean pairs = java.util.Arrays.asList(dataset.schema().fieldNames()).contains("gene");
        String noMention = "CAST(NULL AS " + MentionRow.SCHEMA.sql() + ")";
        Dataset<Row> in = dataset.toDF().selectExpr("pmid", "title", "journal", "to_date(firstPublicationDate) AS date",
                "authors", "abstract", "screen.score AS abstractScore", "sentence", "prediction.score AS score", "start", "end",
                pairs ? "gene" : noMention + " AS gene", pairs ? "disease" : noMention + " AS disease");
        return in.mapPartitions((MapPartitionsFunction<Row, Row>) Folder::new, Encoders.row(GdaDocument.SCHEMA));
    }

    /** Associations of one article's scored pairs: best-scored first, each with its evidence in text order. */
    public static List<Association> associate(List<Scored> rows) {
        Map<String, List<Scored>> byPair = new LinkedHashMap<>();
        for (Scored s : rows) {
            if (s.isPair()) {
                byPair.computeIfAbsent(s.gene().id() + "|" + s.disease().id(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Association> out = new ArrayList<>();
        for (List<Scored> evidenceRows : byPair.values()) {
            Scored first = evidenceRows.get(0);
            float best = 0;
            List<Evidence> evidence = new ArrayList<>();
            for (Scored e : evidenceRows) {
                best = Math.max(best, e.score());
                evidence.add(new Evidence(e.sentence(), e.start(), e.end(), e.score()));
            }
            evidence.sort(Comparator.comparingInt(Evidence::start));
            out.add(new Association(GdaDocument.Gene.of(first.gene()), GdaDocument.Disease.of(first.disease()), best, evidence));
        }
        out.sort(Comparator.comparingDouble((Association a) -> -a.score()).thenComparing(a -> a.gene().entrezId()));
        return out;
    }

    /** The gda entries of one article's scored rows, in text order. */
    public static List<GdaEntry> entries(List<Scored> rows) {
        List<GdaEntry> gda = new ArrayList<>();
        for (Scored s : rows) {
            gda.add(new GdaEntry(s.sentence(), s.score(), s.start(), s.end(), GeneMention.of(s.gene()), DiseaseMention.of(s.disease())));
        }
        gda.sort(Comparator.comparingInt(GdaEntry::start));
        return gda;
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
            String pmid = first.getAs("pmid");
            if (!done.add(pmid)) {
                throw new IllegalStateException("pmid " + pmid + " arrived in two runs within a partition; a stage before "
                        + "GdaAggregator reordered rows");
            }
            List<Scored> rows = new ArrayList<>();
            for (Row r = first; r != null && pmid.equals(r.getAs("pmid")); r = pending) {
                rows.add(new Scored(r.getAs("sentence"), r.<Float>getAs("score"), r.<Integer>getAs("start"), r.<Integer>getAs("end"),
                        mention(r, "gene"), mention(r, "disease")));
                pending = in.hasNext() ? in.next() : null;
            }
            List<Row> authors = first.isNullAt(first.fieldIndex("authors")) ? null : first.getList(first.fieldIndex("authors"));
            return new GdaDocument(pmid, first.getAs("title"), first.getAs("journal"), first.getAs("date"), authors,
                    first.getAs("abstract"), first.getAs("abstractScore"), entries(rows), associate(rows)).toRow();
        }

        private static MentionRow mention(Row r, String column) {
            Row m = r.getAs(column);
            return m == null ? null : MentionRow.fromRow(m);
        }
    }
}
