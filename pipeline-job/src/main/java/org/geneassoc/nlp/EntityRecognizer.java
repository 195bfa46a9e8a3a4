package org.geneassoc.nlp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Mention;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.spark.BaseTransformer;
import org.geneassoc.spark.LocalFolders;
import scala.collection.JavaConverters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

/**
 * Finds and normalises gene and disease mentions in a text column (the whole abstract, so a short form
 * defined in one sentence is known in the next). Adds an array of {@link MentionRow}s with offsets into the text.
 * An optional context column (the title) is not searched, but the species it names count when a gene
 * name is given to the human, mouse or rat gene.
 */
public class EntityRecognizer extends BaseTransformer {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_OUTPUT = "mentions";
    public static final ArrayType MENTIONS = DataTypes.createArrayType(MentionRow.SCHEMA, false);

    private static final Map<String, EntityMatcher> MATCHERS = new ConcurrentHashMap<>();

    private final Param<String> textCol;
    private final Param<String> contextCol;
    private final Param<String> outputCol;
    private final Param<String> vocabularyPath;

    public EntityRecognizer() {
        this(Identifiable$.MODULE$.randomUID("entityRecognizer"));
    }

    public EntityRecognizer(String uid) {
        super(uid);
        textCol = new Param<>(this, "textCol", "text to search");
        contextCol = new Param<>(this, "contextCol", "text about the same study whose species cues count too (optional)");
        outputCol = new Param<>(this, "outputCol", "array of mentions");
        vocabularyPath = new Param<>(this, "vocabularyPath", "vocabulary folder (terms.tsv.gz): local path or Hadoop URI");
        setDefault(outputCol, DEFAULT_OUTPUT);
    }

    public static MLReader<EntityRecognizer> read() {
        return new DefaultParamsReadable<EntityRecognizer>() { }.read();
    }

    public Param<String> textCol() { return textCol; }
    public Param<String> contextCol() { return contextCol; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> vocabularyPath() { return vocabularyPath; }

    public EntityRecognizer setTextCol(String v) { set(textCol, v); return this; }
    public EntityRecognizer setContextCol(String v) { set(contextCol, v); return this; }
    public EntityRecognizer setOutputCol(String v) { set(outputCol, v); return this; }
    public EntityRecognizer setVocabularyPath(String v) { set(vocabularyPath, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(textCol) || !isDefined(vocabularyPath)) {
            throw new IllegalArgumentException(uid() + ": set textCol and vocabularyPath");
        }
        requireColumns(schema, $(textCol));
        if (isDefined(contextCol)) {
            requireColumns(schema, $(contextCol));
        }
        return schema.add($(outputCol), MENTIONS, true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String path = $(vocabularyPath);
        matcher(path);
        UDF2<String, String, scala.collection.Seq<Row>> find = (text, context) -> {
            if (text == null) {
                return null;
            }
            List<Row> rows = new ArrayList<>();
            for (Mention m : matcher(path).find(text, context)) {
                rows.add(MentionRow.of(m).toRow());
            }
            return JavaConverters.asScalaBuffer(rows).toList();
        };
        Column context = isDefined(contextCol) ? col($(contextCol)) : lit(null).cast(DataTypes.StringType);
        return dataset.toDF().withColumn($(outputCol), udf(find, MENTIONS).apply(col($(textCol)), context));
    }

    /** The JVM's matcher for a vocabulary folder; a remote folder is copied to local disk once. */
    static EntityMatcher matcher(String path) {
        return MATCHERS.computeIfAbsent(path, p -> {
            try {
                return new EntityMatcher(Vocabulary.read(LocalFolders.of(p, "Entity vocabulary folder")));
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public EntityRecognizer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
