package org.geneassoc.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.classify.Markers;

/**
 * One row per (gene, disease) pair named in a sentence, with the sentence rewritten the way GAD masks
 * its entities ({@code @GENE$}, {@code @DISEASE$}) as the classifier's premise. Of several mentions of the
 * same two concepts the closest pair stands for them. A sentence without both a gene and a disease
 * yields no row: it cannot state an association, and the encoder never sees it.
 */
public class PairCandidates extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> mentionsCol;
    private final Param<String> premiseCol;
    private final IntParam maxPairs;

    public PairCandidates() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("pairCandidates"));
    }

    public PairCandidates(String uid) {
        this.uid = uid;
        mentionsCol = new Param<>(this, "mentionsCol", "mentions of the whole text (offsets into it)");
        premiseCol = new Param<>(this, "premiseCol", "output: the sentence with the pair marked");
        maxPairs = new IntParam(this, "maxPairs", "most pairs kept per sentence, closest first", ParamValidators.gtEq(1));
        setDefault(mentionsCol, "mentions");
        setDefault(premiseCol, "premise");
        setDefault(maxPairs, 20);
    }

    public static MLReader<PairCandidates> read() {
        return new DefaultParamsReadable<PairCandidates>() { }.read();
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> mentionsCol() { return mentionsCol; }
    public Param<String> premiseCol() { return premiseCol; }
    public IntParam maxPairs() { return maxPairs; }

    public PairCandidates setMaxPairs(int v) { set(maxPairs, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        for (String c : new String[] {"sentence", "start", "end", $(mentionsCol)}) {
            if (!java.util.Arrays.asList(schema.fieldNames()).contains(c)) {
                throw new IllegalArgumentException(uid + ": input lacks column " + c);
            }
        }
        return schema.add($(premiseCol), DataTypes.StringType, false)
                .add("gene", EntityRecognizer.MENTION, false)
                .add("disease", EntityRecognizer.MENTION, false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        int sentenceIdx = dataset.schema().fieldIndex("sentence");
        int startIdx = dataset.schema().fieldIndex("start");
        int endIdx = dataset.schema().fieldIndex("end");
        int mentionsIdx = dataset.schema().fieldIndex($(mentionsCol));
        int limit = (Integer) $(maxPairs);
        return dataset.toDF().flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) r ->
                candidates(r, sentenceIdx, startIdx, endIdx, mentionsIdx, limit).iterator(), Encoders.row(out));
    }

    static List<Row> candidates(Row r, int sentenceIdx, int startIdx, int endIdx, int mentionsIdx, int limit) {
        if (r.isNullAt(mentionsIdx)) {
            return List.of();
        }
        int from = r.getInt(startIdx);
        int to = r.getInt(endIdx);
        List<Row> genes = new ArrayList<>();
        List<Row> diseases = new ArrayList<>();
        for (Row m : r.<Row>getList(mentionsIdx)) {
            if (m.getInt(1) >= from && m.getInt(2) <= to) {
                (m.getString(3).equals("GENE") ? genes : diseases).add(m);
            }
        }
        Map<String, Row[]> closest = new HashMap<>();
        for (Row g : genes) {
            for (Row d : diseases) {
                if (g.getInt(1) < d.getInt(2) && d.getInt(1) < g.getInt(2)) {
                    continue;
                }
                String key = g.getString(4) + "|" + d.getString(4);
                Row[] best = closest.get(key);
                if (best == null || distance(g, d) < distance(best[0], best[1])) {
                    closest.put(key, new Row[] {g, d});
                }
            }
        }
        List<Row[]> pairs = new ArrayList<>(closest.values());
        pairs.sort(java.util.Comparator.<Row[]>comparingInt(p -> distance(p[0], p[1])).thenComparing(p -> p[0].getString(4) + p[1].getString(4)));
        String sentence = r.getString(sentenceIdx);
        List<Row> out = new ArrayList<>();
        for (Row[] p : pairs.subList(0, Math.min(limit, pairs.size()))) {
            Object[] cells = new Object[r.length() + 3];
            for (int i = 0; i < r.length(); i++) {
                cells[i] = r.get(i);
            }
            cells[r.length()] = mark(sentence, from, p[0], p[1]);
            cells[r.length() + 1] = p[0];
            cells[r.length() + 2] = p[1];
            out.add(RowFactory.create(cells));
        }
        return out;
    }

    private static int distance(Row g, Row d) {
        return Math.max(g.getInt(1), d.getInt(1)) - Math.min(g.getInt(2), d.getInt(2));
    }

    /** The sentence with the gene and the disease replaced by their markers. */
    static String mark(String sentence, int sentenceStart, Row gene, Row disease) {
        boolean geneFirst = gene.getInt(1) < disease.getInt(1);
        Row first = geneFirst ? gene : disease;
        Row second = geneFirst ? disease : gene;
        int f0 = first.getInt(1) - sentenceStart, f1 = first.getInt(2) - sentenceStart;
        int s0 = second.getInt(1) - sentenceStart, s1 = second.getInt(2) - sentenceStart;
        return sentence.substring(0, f0) + (geneFirst ? Markers.GENE : Markers.DISEASE) + sentence.substring(f1, s0)
                + (geneFirst ? Markers.DISEASE : Markers.GENE) + sentence.substring(s1);
    }

    @Override
    public PairCandidates copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
