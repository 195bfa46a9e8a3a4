package org.geneassoc.nlp;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Mention;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.spark.LocalFolders;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Finds and normalises gene and disease mentions in a text column (the whole abstract, so a short form
 * defined in one sentence is known in the next). Adds an array of mentions with offsets into the text.
 */
public class EntityRecognizer extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    public static final StructType MENTION = new StructType()
            .add("text", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("type", DataTypes.StringType, false)
            .add("id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType)
            .add("hgncId", DataTypes.StringType)
            .add("meshId", DataTypes.StringType);

    private static final java.util.Map<String, EntityMatcher> MATCHERS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String uid;
    private final Param<String> textCol;
    private final Param<String> outputCol;
    private final Param<String> vocabularyPath;

    public EntityRecognizer() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("entityRecognizer"));
    }

    public EntityRecognizer(String uid) {
        this.uid = uid;
        textCol = new Param<>(this, "textCol", "text to search");
        outputCol = new Param<>(this, "outputCol", "array of mentions");
        vocabularyPath = new Param<>(this, "vocabularyPath", "vocabulary folder (terms.tsv.gz): local path or Hadoop URI");
        setDefault(outputCol, "mentions");
    }

    public static MLReader<EntityRecognizer> read() {
        return new DefaultParamsReadable<EntityRecognizer>() { }.read();
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> textCol() { return textCol; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> vocabularyPath() { return vocabularyPath; }

    public EntityRecognizer setTextCol(String v) { set(textCol, v); return this; }
    public EntityRecognizer setOutputCol(String v) { set(outputCol, v); return this; }
    public EntityRecognizer setVocabularyPath(String v) { set(vocabularyPath, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(textCol) || !isDefined(vocabularyPath) || !java.util.Arrays.asList(schema.fieldNames()).contains($(textCol))) {
            throw new IllegalArgumentException(uid + ": set textCol (an existing column) and vocabularyPath");
        }
        return schema.add($(outputCol), DataTypes.createArrayType(MENTION, false), true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String path = $(vocabularyPath);
        matcher(path);
        UDF1<String, scala.collection.Seq<Row>> find = text -> {
            if (text == null) {
                return null;
            }
            List<Row> rows = new ArrayList<>();
            for (Mention m : matcher(path).find(text)) {
                var c = m.concept();
                rows.add(RowFactory.create(m.text(), m.start(), m.end(), c.type().name(), c.id(), c.name(), c.hgncId(), c.meshId()));
            }
            return scala.collection.JavaConverters.asScalaBuffer(rows).toList();
        };
        return dataset.toDF().withColumn($(outputCol),
                udf(find, DataTypes.createArrayType(MENTION, false)).apply(col($(textCol))));
    }

    /** The JVM's matcher for a vocabulary folder; a remote folder is copied to local disk once. */
    static EntityMatcher matcher(String path) {
        return MATCHERS.computeIfAbsent(path, p -> {
            try {
                return new EntityMatcher(Vocabulary.read(LocalFolders.of(p, "Entity vocabulary folder")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public EntityRecognizer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
