package org.geneassoc.nlp;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.spark.ml.UnaryTransformer;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Removes markup from abstracts: HTML/JATS tags, then character entities, then runs of white space.
 * Spark NLP's DocumentNormalizer removes by regex only: it cannot decode {@code &amp;lt;} and the
 * usual {@code <[^>]*>} pattern eats "p < 0.05 ... OR > 2"; here a tag must look like one.
 *
 * <p>Two departures from {@link UnaryTransformer}: the output column may be the input column (the text is
 * cleaned in place, so later stages and the document keep its name), and the function runs as a Java UDF,
 * because the Scala TypeTags the parent's own {@code transform} needs cannot be made in Java (hence the nulls).
 */
public class MarkupStripper extends UnaryTransformer<String, String, MarkupStripper> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Pattern BLOCK_TAG = Pattern.compile("</?(p|br|div|h[1-6]|li|ul|ol|sec|title|table|tr|td)(\\s[^<>]*)?/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:_-]*(\\s[^<>]*)?/?>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /**
     * The parent's Scala traits create {@code inputCol} and {@code outputCol} inside its constructor and ask
     * for {@link #uid()} then, before Java can assign a field; the uid waits here for that moment.
     */
    private static final ThreadLocal<String> CONSTRUCTING = new ThreadLocal<>();

    private final String uid;

    public MarkupStripper() {
        this(Identifiable$.MODULE$.randomUID("markupStripper"));
    }

    public MarkupStripper(String uid) {
        super(constructing(uid), null);
        this.uid = uid;
        CONSTRUCTING.remove();
    }

    private static <T> scala.reflect.api.TypeTags.TypeTag<T> constructing(String uid) {
        CONSTRUCTING.set(uid);
        return null;
    }

    public static MLReader<MarkupStripper> read() {
        return new DefaultParamsReadable<MarkupStripper>() { }.read();
    }

    @Override
    public String uid() {
        return uid != null ? uid : CONSTRUCTING.get();
    }

    /** Plain text of a marked-up string; null stays null. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        String s = BLOCK_TAG.matcher(text).replaceAll(" ");
        s = TAG.matcher(s).replaceAll("");
        // Twice: Europe PMC sometimes escapes entities twice (&amp;lt;).
        s = StringEscapeUtils.unescapeHtml4(StringEscapeUtils.unescapeHtml4(s));
        s = TAG.matcher(s).replaceAll("");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    @Override
    public Function1<String, String> createTransformFunc() {
        return (Function1<String, String> & java.io.Serializable) MarkupStripper::strip;
    }

    @Override
    public DataType outputDataType() {
        return DataTypes.StringType;
    }

    @Override
    public void validateInputType(DataType inputType) {
        if (!inputType.equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(uid + ": input column " + getInputCol() + " must be a string, not " + inputType.simpleString());
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!Arrays.asList(schema.fieldNames()).contains(getInputCol())) {
            throw new IllegalArgumentException(uid + ": input column " + getInputCol() + " does not exist");
        }
        validateInputType(schema.apply(getInputCol()).dataType());
        return Arrays.asList(schema.fieldNames()).contains(getOutputCol()) ? schema
                : schema.add(getOutputCol(), outputDataType(), true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        return dataset.toDF().withColumn(getOutputCol(),
                udf((UDF1<String, String>) MarkupStripper::strip, outputDataType()).apply(col(getInputCol())));
    }
}
