package org.geneassoc.nlp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.metrics.PartitionCounts;
import org.geneassoc.classify.ClassifierModel;

/**
 * One row per (gene, disease) pair of each article, with its {@code evidence} and the {@code pairFeatures}
 * vector the relation model reads ({@link ArticlePairs}). The sentences naming both are scored by the
 * classifier's sentence head, a chunk of articles per call; each premise is encoded alone, as in
 * {@link org.geneassoc.classify.SentencePairClassifier}, so no score depends on its neighbours. The
 * mention and sentence columns are consumed; the article's other columns are kept, and the rows of one
 * article stay adjacent.
 */
public class PairFeaturizer extends MentionStage<PairFeaturizer> {
    private static final long serialVersionUID = 1L;
    public static final String EVIDENCE = "evidence";
    public static final String FEATURES = "pairFeatures";
    /** A sentence supporting a pair: {@code score} is null where it names only one of them. */
    public static final StructType EVIDENCE_TYPE = new StructType()
            .add("sentence", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("score", DataTypes.FloatType, true)
            .add(GENE, MentionRow.SCHEMA, true)
            .add(DISEASE, MentionRow.SCHEMA, true);
    private static final int ARTICLES_PER_CALL = 64;
    /** Most pairs scored per sentence unless set. */
    public static final int DEFAULT_MAX_PAIRS = 20;

    private final Param<String> textCol;
    private final Param<String> titleMentionsCol;
    private final Param<String> sentencesCol;
    private final Param<String> modelPath;
    private final IntParam maxPairs;
    private final IntParam encoderThreads;
    private PartitionCounts sentencesCounter;
    private PartitionCounts premisesCounter;

    public PairFeaturizer() {
        this(Identifiable$.MODULE$.randomUID("pairFeaturizer"));
    }

    public PairFeaturizer(String uid) {
        super(uid);
        textCol = new Param<>(this, "textCol", "the text the mentions and sentences point into");
        titleMentionsCol = new Param<>(this, "titleMentionsCol", "mentions of the title");
        sentencesCol = new Param<>(this, "sentencesCol", "Spark NLP sentence annotations of the text");
        modelPath = new Param<>(this, "modelPath", "classifier model folder whose sentence head scores the sentences naming both");
        maxPairs = new IntParam(this, "maxPairs", "most pairs scored per sentence, closest first", ParamValidators.gtEq(1));
        encoderThreads = new IntParam(this, "encoderThreads", "ONNX Runtime intra-op threads per JVM session", ParamValidators.gtEq(1));
        setDefault(textCol, "abstract");
        setDefault(titleMentionsCol, "titleMentions");
        setDefault(sentencesCol, "sentences");
        setDefault(maxPairs, DEFAULT_MAX_PAIRS);
        setDefault(encoderThreads, 1);
    }

    public static MLReader<PairFeaturizer> read() {
        return new DefaultParamsReadable<PairFeaturizer>() { }.read();
    }

    public Param<String> textCol() { return textCol; }
    public Param<String> titleMentionsCol() { return titleMentionsCol; }
    public Param<String> sentencesCol() { return sentencesCol; }
    public Param<String> modelPath() { return modelPath; }
    public IntParam maxPairs() { return maxPairs; }
    public IntParam encoderThreads() { return encoderThreads; }

    public PairFeaturizer setTextCol(String v) { set(textCol, v); return this; }
    public PairFeaturizer setTitleMentionsCol(String v) { set(titleMentionsCol, v); return this; }
    public PairFeaturizer setSentencesCol(String v) { set(sentencesCol, v); return this; }
    public PairFeaturizer setModelPath(String v) { set(modelPath, v); return this; }
    public PairFeaturizer setMaxPairs(int v) { set(maxPairs, v); return this; }
    public PairFeaturizer setEncoderThreads(int v) { set(encoderThreads, v); return this; }

    /** Where the sentences read and the premises scored are counted; not Params, since they belong to one run. */
    public PairFeaturizer setCounters(PartitionCounts sentences, PartitionCounts premises) {
        this.sentencesCounter = sentences;
        this.premisesCounter = premises;
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumns(schema, $(textCol), $(mentionsCol()), $(titleMentionsCol), $(sentencesCol));
        if (!isDefined(modelPath)) {
            throw new IllegalArgumentException(uid() + ": modelPath is not set");
        }
        StructType out = new StructType();
        for (StructField f : schema.fields()) {
            if (!consumed(f.name())) {
                out = out.add(f);
            }
        }
        return out.add(GENE, MentionRow.SCHEMA, false).add(DISEASE, MentionRow.SCHEMA, false)
                .add(EVIDENCE, DataTypes.createArrayType(EVIDENCE_TYPE, false), false)
                .add(FEATURES, SQLDataTypes.VectorType(), false);
    }

    private boolean consumed(String column) {
        return column.equals($(mentionsCol())) || column.equals($(titleMentionsCol)) || column.equals($(sentencesCol))
                || column.equals($(textCol) + "_document");
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType in = dataset.schema();
        StructType out = transformSchema(in);
        int[] kept = java.util.Arrays.stream(in.fieldNames()).filter(c -> !consumed(c)).mapToInt(in::fieldIndex).toArray();
        String path = $(modelPath);
        int threads = (Integer) $(encoderThreads);
        Columns columns = new Columns($(textCol), $(mentionsCol()), $(titleMentionsCol), $(sentencesCol), (Integer) $(maxPairs));
        PartitionCounts sentences = sentencesCounter;
        PartitionCounts premises = premisesCounter;
        long[] slots = {sentences == null ? 0 : sentences.newSlot(), premises == null ? 0 : premises.newSlot()};
        // Fail on the driver, before any task starts, when the model is missing.
        ClassifierModel.load(path, threads, 1);
        return dataset.toDF().mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Chunks(rows, new ArticlesToRows(
                ClassifierModel.load(path, threads, 1), columns, kept, out, sentences, premises, slots)), Encoders.row(out));
    }

    private record Columns(String text, String mentions, String titleMentions, String sentences, int maxPairs)
            implements java.io.Serializable {
    }

    /** Scores a chunk of articles in one classifier call and turns them into pair rows. */
    private record ArticlesToRows(ClassifierModel model, Columns columns, int[] kept, StructType out, PartitionCounts sentencesCounter,
                                  PartitionCounts premisesCounter, long[] slots) {
        List<Row> apply(List<Row> articles) {
            List<ArticlePairs> pairs = new ArrayList<>(articles.size());
            List<String> premises = new ArrayList<>();
            long sentenceCount = 0;
            for (Row r : articles) {
                ArticlePairs a = new ArticlePairs(sentences(r), MentionRow.listFrom(r, columns.mentions()),
                        MentionRow.listFrom(r, columns.titleMentions()), columns.maxPairs());
                pairs.add(a);
                premises.addAll(a.premises());
                sentenceCount += a.sentenceCount();
            }
            float[] scores = premises.isEmpty() ? new float[0] : model.score(premises);
            count(sentencesCounter, slots[0], sentenceCount);
            count(premisesCounter, slots[1], premises.size());
            List<Row> rows = new ArrayList<>();
            int at = 0;
            for (int i = 0; i < articles.size(); i++) {
                int n = pairs.get(i).premises().size();
                for (ArticlePairs.Pair p : pairs.get(i).pairs(java.util.Arrays.copyOfRange(scores, at, at + n))) {
                    rows.add(row(articles.get(i), p));
                }
                at += n;
            }
            return rows;
        }

        private static void count(PartitionCounts counter, long slot, long n) {
            if (counter != null) {
                counter.add(new PartitionCounts.Count(slot, n));
            }
        }

        private List<ArticlePairs.Sentence> sentences(Row r) {
            return ArticlePairs.sentences(r.getAs(columns.text()), r.isNullAt(r.fieldIndex(columns.sentences())) ? null
                    : r.<Row>getList(r.fieldIndex(columns.sentences())));
        }

        private Row row(Row article, ArticlePairs.Pair p) {
            Object[] cells = new Object[out.size()];
            int c = 0;
            for (int k : kept) {
                cells[c++] = article.get(k);
            }
            List<Row> evidence = new ArrayList<>();
            for (ArticlePairs.Evidence e : p.evidence()) {
                evidence.add(new GenericRowWithSchema(new Object[] {e.sentence().text(), e.sentence().start(), e.sentence().end(), e.score(),
                        e.gene() == null ? null : e.gene().toRow(), e.disease() == null ? null : e.disease().toRow()}, EVIDENCE_TYPE));
            }
            cells[c++] = p.gene().toRow();
            cells[c++] = p.disease().toRow();
            cells[c++] = scala.collection.JavaConverters.asScalaBuffer(evidence).toList();
            cells[c] = Vectors.dense(p.features());
            return new GenericRowWithSchema(cells, out);
        }
    }

    /** Feeds a partition to {@link ArticlesToRows} a chunk of articles at a time. */
    private static final class Chunks implements Iterator<Row> {
        private final Iterator<Row> in;
        private final ArticlesToRows convert;
        private Iterator<Row> ready = java.util.Collections.emptyIterator();

        Chunks(Iterator<Row> in, ArticlesToRows convert) {
            this.in = in;
            this.convert = convert;
        }

        @Override
        public boolean hasNext() {
            while (!ready.hasNext() && in.hasNext()) {
                List<Row> chunk = new ArrayList<>(ARTICLES_PER_CALL);
                while (in.hasNext() && chunk.size() < ARTICLES_PER_CALL) {
                    chunk.add(in.next());
                }
                ready = convert.apply(chunk).iterator();
            }
            return ready.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.next();
        }
    }

    @Override
    public PairFeaturizer copy(ParamMap extra) {
        PairFeaturizer c = defaultCopy(extra);
        return c.setCounters(sentencesCounter, premisesCounter);
    }
}
