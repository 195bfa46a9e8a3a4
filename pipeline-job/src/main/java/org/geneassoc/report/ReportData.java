package org.geneassoc.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.geneassoc.documents.GdaDocument;

/**
 * What the report shows, computed with Spark from the documents (one per pmid): the associations aggregated
 * over articles, the most frequent genes and diseases, the score distribution, and for the top associations
 * their articles and evidence sentences. Big outputs are cut: the {@link Limits} say how many associations are
 * shown and how much evidence each carries; the rest is counted.
 */
public record ReportData(long documents, long articleAssociations, long associations, long associationsNotShown,
                         String firstProcessed, String lastProcessed, boolean severalRuns, long newDocuments,
                         List<String> modelVersions, List<Ranked> topGenes, List<Ranked> topDiseases, long[] scoreBins,
                         List<Pair> pairs, Map<String, ArticleInfo> articles) {

    /** How much the page holds: associations in the table, articles shown per association, evidence sentences per article. */
    public record Limits(int associations, int articlesPerAssociation, int sentencesPerArticle, int topEntities) {
        public static final Limits DEFAULT = new Limits(2000, 5, 2, 15);
    }

    /** A gene or disease and in how many articles it has an association. */
    public record Ranked(String id, String name, String taxon, long articles) {
    }

    /** An association aggregated over articles; {@code evidence} for the articles shown, best score first. */
    public record Pair(String entrezId, String symbol, String taxon, String orthologEntrezId, String orthologSymbol,
                       String diseaseId, String diseaseName, String meshId, float bestScore, double meanScore, String type,
                       long articles, String newestDate, boolean isNew, List<ArticleEvidence> evidence) {
    }

    /** One article's support for an association: its score and evidence sentences with the mentions marked. */
    public record ArticleEvidence(String pmid, float score, List<Sentence> sentences) {
    }

    /** An evidence sentence and the gene and disease marks in it: offsets into the sentence. */
    public record Sentence(String text, Float score, List<Mark> marks) {
    }

    public record Mark(int start, int end, String kind) {
    }

    /** What the page says of an article the evidence comes from. */
    public record ArticleInfo(String title, String journal, String date, boolean isNew) {
    }

    public static final int BINS = 20;

    public static ReportData of(Dataset<Row> documents, Limits limits) {
        Dataset<Row> docs = documents.select(col("pmid"), col("title"), col("journal"), col("firstPublicationDate"),
                col(GdaDocument.MODEL_VERSION), col(GdaDocument.PROCESSED_AT), col("associations")).persist(StorageLevel.MEMORY_AND_DISK());
        Row run = docs.agg(count(lit(1)), min(GdaDocument.PROCESSED_AT), max(GdaDocument.PROCESSED_AT),
                countDistinct(col(GdaDocument.PROCESSED_AT))).first();
        long documentCount = run.getLong(0);
        Timestamp last = run.getTimestamp(2);
        boolean severalRuns = run.getLong(3) > 1;
        Column isNew = severalRuns ? col(GdaDocument.PROCESSED_AT).equalTo(lit(last)) : lit(false);
        List<String> versions = docs.select(GdaDocument.MODEL_VERSION).distinct().orderBy(GdaDocument.MODEL_VERSION)
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        long newDocuments = severalRuns ? docs.filter(isNew).count() : 0;

        Dataset<Row> byArticle = docs.withColumn("isNew", isNew).select(col("pmid"), col("firstPublicationDate"), col("isNew"),
                        explode(col("associations")).as("a"))
                .select(col("pmid"), col("firstPublicationDate"), col("isNew"), col("a.gene.entrezId").as("entrezId"),
                        col("a.gene.symbol").as("symbol"), col("a.gene.taxon").as("taxon"),
                        col("a.gene.orthologEntrezId").as("orthologEntrezId"), col("a.gene.orthologSymbol").as("orthologSymbol"),
                        col("a.disease.id").as("diseaseId"), col("a.disease.name").as("diseaseName"),
                        col("a.disease.meshId").as("meshId"), col("a.score").as("score"), col("a.type").as("type"),
                        slice(col("a.evidence"), 1, limits.sentencesPerArticle()).as("evidence"))
                .persist(StorageLevel.MEMORY_AND_DISK());

        long[] bins = new long[BINS];
        for (Row r : byArticle.groupBy(least(floor(col("score").multiply(BINS)), lit(BINS - 1)).cast("int").as("bin")).count()
                .collectAsList()) {
            bins[Math.max(0, r.getInt(0))] += r.getLong(1);
        }
        long articleAssociations = java.util.Arrays.stream(bins).sum();

        Dataset<Row> pairs = byArticle.groupBy("entrezId", "diseaseId").agg(first("symbol", true).as("symbol"),
                        first("taxon", true).as("taxon"), first("orthologEntrezId", true).as("orthologEntrezId"),
                        first("orthologSymbol", true).as("orthologSymbol"), first("diseaseName", true).as("diseaseName"),
                        first("meshId", true).as("meshId"), max("score").as("bestScore"), avg("score").as("meanScore"),
                        max_by(col("type"), col("score")).as("type"), count(lit(1)).as("articles"),
                        max("firstPublicationDate").as("newestDate"), max(col("isNew")).as("isNew"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long pairCount = pairs.count();
        List<Row> shown = pairs.orderBy(col("articles").desc(), col("bestScore").desc(), col("entrezId"), col("diseaseId"))
                .limit(limits.associations()).collectAsList();

        // The shown associations' best articles and their evidence, in one pass over the exploded rows; the keys are
        // the rows just collected, not the pair table sorted again.
        StructType keySchema = new StructType().add("k_gene", DataTypes.StringType).add("k_disease", DataTypes.StringType);
        Dataset<Row> keys = documents.sparkSession().createDataFrame(shown.stream()
                .map(r -> RowFactory.create(r.<String>getAs("entrezId"), r.<String>getAs("diseaseId"))).toList(), keySchema);
        Map<String, List<ArticleEvidence>> evidence = new LinkedHashMap<>();
        Map<String, Boolean> articleIds = new LinkedHashMap<>();
        for (Row r : byArticle.join(org.apache.spark.sql.functions.broadcast(keys),
                        col("entrezId").equalTo(col("k_gene")).and(col("diseaseId").equalTo(col("k_disease"))), "left_semi")
                .withColumn("rank", row_number().over(Window.partitionBy("entrezId", "diseaseId")
                        .orderBy(col("score").desc(), col("firstPublicationDate").desc_nulls_last(), col("pmid"))))
                .filter(col("rank").leq(limits.articlesPerAssociation()))
                .orderBy(col("entrezId"), col("diseaseId"), col("rank")).collectAsList()) {
            String pmid = r.getAs("pmid");
            articleIds.put(pmid, Boolean.TRUE);
            evidence.computeIfAbsent(key(r.getAs("entrezId"), r.getAs("diseaseId")), k -> new ArrayList<>())
                    .add(new ArticleEvidence(pmid, r.<Float>getAs("score"), sentences(r.getList(r.fieldIndex("evidence")))));
        }
        Map<String, ArticleInfo> articles = new LinkedHashMap<>();
        for (Row r : docs.withColumn("isNew", isNew).join(documents.sparkSession().createDataset(new ArrayList<>(articleIds.keySet()),
                        org.apache.spark.sql.Encoders.STRING()).toDF("id"), col("pmid").equalTo(col("id")), "left_semi")
                .select("pmid", "title", "journal", "firstPublicationDate", "isNew").orderBy("pmid").collectAsList()) {
            articles.put(r.getAs("pmid"), new ArticleInfo(r.getAs("title"), r.getAs("journal"), date(r.getAs("firstPublicationDate")),
                    r.<Boolean>getAs("isNew")));
        }

        List<Pair> table = new ArrayList<>();
        for (Row r : shown) {
            table.add(new Pair(r.getAs("entrezId"), r.getAs("symbol"), r.getAs("taxon"), r.getAs("orthologEntrezId"),
                    r.getAs("orthologSymbol"), r.getAs("diseaseId"), r.getAs("diseaseName"), r.getAs("meshId"),
                    r.<Float>getAs("bestScore"), r.<Double>getAs("meanScore"), r.getAs("type"), r.<Long>getAs("articles"),
                    date(r.getAs("newestDate")), r.<Boolean>getAs("isNew"),
                    evidence.getOrDefault(key(r.getAs("entrezId"), r.getAs("diseaseId")), List.of())));
        }
        List<Ranked> genes = ranked(byArticle.groupBy("entrezId").agg(first("symbol", true).as("name"), first("taxon", true).as("taxon"),
                countDistinct("pmid").as("articles")), "entrezId", limits.topEntities());
        List<Ranked> diseases = ranked(byArticle.groupBy("diseaseId").agg(first("diseaseName", true).as("name"),
                lit(null).cast("string").as("taxon"), countDistinct("pmid").as("articles")), "diseaseId", limits.topEntities());
        long notShown = Math.max(0, pairCount - table.size());
        pairs.unpersist();
        byArticle.unpersist();
        docs.unpersist();
        return new ReportData(documentCount, articleAssociations, pairCount, notShown, timestamp(run.getTimestamp(1)), timestamp(last),
                severalRuns, newDocuments, versions, genes, diseases, bins, table, articles);
    }

    private static List<Ranked> ranked(Dataset<Row> counts, String id, int limit) {
        List<Ranked> out = new ArrayList<>();
        for (Row r : counts.orderBy(col("articles").desc(), col(id)).limit(limit).collectAsList()) {
            out.add(new Ranked(r.getAs(id), r.getAs("name"), r.getAs("taxon"), r.<Long>getAs("articles")));
        }
        return out;
    }

    /** Evidence rows as sentences, each mark moved to the sentence's own offsets (a mark outside it is left out). */
    private static List<Sentence> sentences(List<Row> evidence) {
        List<Sentence> out = new ArrayList<>();
        for (Row e : evidence) {
            String text = e.getAs("sentence");
            int start = e.<Integer>getAs("start");
            List<Mark> marks = new ArrayList<>();
            for (String kind : List.of("gene", "disease")) {
                Row m = e.getAs(kind);
                if (m != null) {
                    int from = m.<Integer>getAs("start") - start;
                    int to = m.<Integer>getAs("end") - start;
                    if (from >= 0 && to <= text.length() && from < to) {
                        marks.add(new Mark(from, to, kind));
                    }
                }
            }
            marks.sort(java.util.Comparator.comparingInt(Mark::start));
            out.add(new Sentence(text, e.getAs("score"), marks));
        }
        return out;
    }

    private static String key(String gene, String disease) {
        return gene + "\t" + disease;
    }

    private static String date(Date d) {
        return d == null ? null : d.toLocalDate().toString();
    }

    private static String timestamp(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
