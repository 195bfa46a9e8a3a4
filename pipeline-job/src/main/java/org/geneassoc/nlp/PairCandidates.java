package org.geneassoc.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.classify.Markers;
import org.geneassoc.spark.Rows;

/**
 * One row per (gene, disease) pair named in a sentence, with the sentence rewritten the way GAD masks
 * its entities ({@code @GENE$}, {@code @DISEASE$}) as the classifier's premise. Of several mentions of the
 * same two concepts the closest pair stands for them. A sentence without both a gene and a disease
 * yields no row: it cannot state an association, and the encoder never sees it.
 * Reads {@code sentence}, {@code start}, {@code end} and the mentions column; adds {@link #COLUMNS}.
 */
public class PairCandidates extends MentionStage<PairCandidates> {
    private static final long serialVersionUID = 1L;
    /** What a pair row adds to its sentence row: the marked premise and the two mentions. */
    public static final StructType COLUMNS = new StructType()
            .add(PREMISE, DataTypes.StringType, false)
            .add(GENE, MentionRow.SCHEMA, false)
            .add(DISEASE, MentionRow.SCHEMA, false);

    private final IntParam maxPairs;

    /** A candidate pair of one sentence and its premise. */
    public record Candidate(MentionRow gene, MentionRow disease, String premise) {
        int distance() {
            return Math.max(gene.start(), disease.start()) - Math.min(gene.end(), disease.end());
        }
    }

    public PairCandidates() {
        this(Identifiable$.MODULE$.randomUID("pairCandidates"));
    }

    public PairCandidates(String uid) {
        super(uid);
        maxPairs = new IntParam(this, "maxPairs", "most pairs kept per sentence, closest first", ParamValidators.gtEq(1));
        setDefault(maxPairs, 20);
    }

    public static MLReader<PairCandidates> read() {
        return new DefaultParamsReadable<PairCandidates>() { }.read();
    }

    public IntParam maxPairs() { return maxPairs; }

    public PairCandidates setMaxPairs(int v) { set(maxPairs, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumns(schema, SENTENCE, START, END, $(mentionsCol()));
        StructType out = schema;
        for (var f : COLUMNS.fields()) {
            out = out.add(f);
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        String mentions = $(mentionsCol());
        int limit = (Integer) $(maxPairs);
        return dataset.toDF().flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Row> rows = new ArrayList<>();
            for (Candidate c : candidates(r.getAs(SENTENCE), r.<Integer>getAs(START), MentionRow.listFrom(r, mentions), limit)) {
                rows.add(Rows.append(r, out, c.premise(), c.gene().toRow(), c.disease().toRow()));
            }
            return rows.iterator();
        }, Encoders.row(out));
    }

    /**
     * The pairs of one sentence starting at {@code sentenceStart} (mentions' offsets are into the whole
     * text): overlapping mentions never pair, each (gene ID, disease ID) keeps its closest mentions, closest
     * pairs first, at most {@code limit}.
     */
    public static List<Candidate> candidates(String sentence, int sentenceStart, List<MentionRow> mentions, int limit) {
        int sentenceEnd = sentenceStart + sentence.length();
        List<MentionRow> genes = new ArrayList<>();
        List<MentionRow> diseases = new ArrayList<>();
        for (MentionRow m : mentions) {
            if (m.within(sentenceStart, sentenceEnd)) {
                (m.isGene() ? genes : diseases).add(m);
            }
        }
        Map<String, Candidate> closest = new LinkedHashMap<>();
        for (MentionRow g : genes) {
            for (MentionRow d : diseases) {
                if (g.overlaps(d)) {
                    continue;
                }
                Candidate c = new Candidate(g, d, null);
                closest.merge(g.id() + "|" + d.id(), c, (a, b) -> b.distance() < a.distance() ? b : a);
            }
        }
        List<Candidate> pairs = new ArrayList<>(closest.values());
        pairs.sort(Comparator.comparingInt(Candidate::distance).thenComparing(p -> p.gene().id() + p.disease().id()));
        List<Candidate> out = new ArrayList<>();
        for (Candidate p : pairs.subList(0, Math.min(limit, pairs.size()))) {
            out.add(new Candidate(p.gene(), p.disease(), mark(sentence, sentenceStart, p.gene(), p.disease())));
        }
        return out;
    }

    /** The sentence with the gene and the disease replaced by their markers. */
    static String mark(String sentence, int sentenceStart, MentionRow gene, MentionRow disease) {
        boolean geneFirst = gene.start() < disease.start();
        MentionRow first = geneFirst ? gene : disease;
        MentionRow second = geneFirst ? disease : gene;
        int f0 = first.start() - sentenceStart, f1 = first.end() - sentenceStart;
        int s0 = second.start() - sentenceStart, s1 = second.end() - sentenceStart;
        return sentence.substring(0, f0) + (geneFirst ? Markers.GENE : Markers.DISEASE) + sentence.substring(f1, s0)
                + (geneFirst ? Markers.DISEASE : Markers.GENE) + sentence.substring(s1);
    }

    @Override
    public PairCandidates copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
