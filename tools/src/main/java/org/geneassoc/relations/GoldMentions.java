package org.geneassoc.relations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.nlp.EntityRecognizer;
import org.geneassoc.nlp.MentionRow;
import org.geneassoc.spark.BaseTransformer;
import org.geneassoc.spark.LocalFolders;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

/**
 * In place of the entity recognizers: the gene and disease mentions a PubTator corpus annotates, as the
 * {@code mentions} (offsets into the abstract) and {@code titleMentions} (into the title) columns, so the
 * relation stages can be measured apart from entity errors. A mention with several IDs ("BRCA1/2") is one
 * mention per ID, as the job writes them. A mention whose text is not at its offsets in the article's own
 * text is dropped ({@link #aligned} counts them). Gene names, species and orthologs come from the vocabulary
 * where it knows the ID.
 */
public class GoldMentions extends BaseTransformer {
    private static final long serialVersionUID = 1L;

    private final StringArrayParam pubtatorPaths;
    private final Param<String> vocabularyPath;
    /** The mention rows and the paths they were read from: transform and {@link #aligned} would otherwise read the corpus and vocabulary again. */
    private transient List<Row> rows;
    private transient String rowsReadFrom;

    public GoldMentions() {
        this(Identifiable$.MODULE$.randomUID("goldMentions"));
    }

    public GoldMentions(String uid) {
        super(uid);
        pubtatorPaths = new StringArrayParam(this, "pubtatorPaths", "PubTator files whose gene and disease annotations are the mentions");
        vocabularyPath = new Param<>(this, "vocabularyPath", "vocabulary folder for gene names, species and orthologs (optional)");
    }

    public static MLReader<GoldMentions> read() {
        return new DefaultParamsReadable<GoldMentions>() { }.read();
    }

    public StringArrayParam pubtatorPaths() { return pubtatorPaths; }
    public Param<String> vocabularyPath() { return vocabularyPath; }

    public GoldMentions setPubtatorPaths(String... v) { set(pubtatorPaths, v); return this; }
    public GoldMentions setVocabularyPath(String v) { set(vocabularyPath, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(pubtatorPaths)) {
            throw new IllegalArgumentException(uid() + ": pubtatorPaths is not set");
        }
        requireColumns(schema, "pmid", "title", "abstract");
        return schema.add(EntityRecognizer.DEFAULT_OUTPUT, EntityRecognizer.MENTIONS, true).add("titleMentions", EntityRecognizer.MENTIONS, true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> gold = dataset.sparkSession().createDataFrame(rows(), new StructType().add("goldPmid", DataTypes.StringType, false)
                .add("goldMentions", EntityRecognizer.MENTIONS, false).add("goldTitleMentions", EntityRecognizer.MENTIONS, false));
        Dataset<Row> joined = dataset.toDF().join(gold, col("pmid").equalTo(col("goldPmid")), "left");
        return joined
                .withColumn(EntityRecognizer.DEFAULT_OUTPUT,
                        expr("filter(goldMentions, m -> substring(abstract, m.start + 1, m.end - m.start) = m.text)"))
                .withColumn("titleMentions", expr("filter(goldTitleMentions, m -> substring(title, m.start + 1, m.end - m.start) = m.text)"))
                .drop("goldPmid", "goldMentions", "goldTitleMentions");
    }

    /** Gold gene and disease mentions and how many of them sit at their offsets in the articles' texts. */
    public record Alignment(long annotated, long aligned) {
    }

    /** Counts the annotated mentions and those kept for the articles of {@code articles}. */
    public Alignment aligned(Dataset<Row> articles) {
        java.util.Set<String> pmids = new java.util.HashSet<>(articles.select("pmid").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        long annotated = 0;
        for (Row r : rows()) {
            if (pmids.contains(r.getString(0))) {
                annotated += r.getList(1).size() + r.getList(2).size();
            }
        }
        Row kept = transform(articles).selectExpr("coalesce(sum(if(mentions IS NULL, 0, size(mentions)) "
                + "+ if(titleMentions IS NULL, 0, size(titleMentions))), 0)").first();
        long aligned = ((Number) kept.get(0)).longValue();
        return new Alignment(annotated, aligned);
    }

    private List<Row> rows() {
        String from = String.join("|", $(pubtatorPaths)) + "#" + (isDefined(vocabularyPath) ? $(vocabularyPath) : "");
        if (!from.equals(rowsReadFrom)) {
            rows = readRows();
            rowsReadFrom = from;
        }
        return rows;
    }

    private List<Row> readRows() {
        try {
            Vocabulary vocabulary = isDefined(vocabularyPath) ? Vocabulary.read(LocalFolders.of($(vocabularyPath), "Entity vocabulary folder")) : null;
            List<Row> out = new ArrayList<>();
            List<PubTator.Document> docs = new ArrayList<>();
            for (String file : $(pubtatorPaths)) {
                docs.addAll(PubTator.read(Path.of(file)));
            }
            for (PubTator.Document d : docs) {
                int abstractStart = d.title() == null ? 0 : d.title().length() + 1;
                List<Row> inAbstract = new ArrayList<>();
                List<Row> inTitle = new ArrayList<>();
                for (PubTator.Mention m : d.mentions()) {
                    if (!m.isGene() && !m.isDisease()) {
                        continue;
                    }
                    boolean title = m.start() < abstractStart;
                    int shift = title ? 0 : abstractStart;
                    for (String id : m.ids()) {
                        (title ? inTitle : inAbstract).add(mention(m, id, m.start() - shift, vocabulary).toRow());
                    }
                }
                out.add(RowFactory.create(d.pmid(), scala.collection.JavaConverters.asScalaBuffer(inAbstract).toList(),
                        scala.collection.JavaConverters.asScalaBuffer(inTitle).toList()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read gold mentions from " + String.join(", ", $(pubtatorPaths)) + ": " + e.getMessage(), e);
        }
    }

    private static MentionRow mention(PubTator.Mention m, String id, int start, Vocabulary vocabulary) {
        int end = start + m.text().length();
        if (m.isGene()) {
            Concept c = vocabulary == null ? null : vocabulary.gene(id);
            return c == null ? new MentionRow(m.text(), start, end, Concept.EntityType.GENE, id, m.text(), null, null, null, null, null)
                    : new MentionRow(m.text(), start, end, Concept.EntityType.GENE, id, c.name(), c.taxon(), c.hgncId(), c.meshId(),
                    c.orthologId(), c.orthologSymbol());
        }
        return new MentionRow(m.text(), start, end, Concept.EntityType.DISEASE, id, m.text(), null, null, id.startsWith("OMIM:") ? null : id,
                null, null);
    }

    @Override
    public GoldMentions copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
