package org.geneassoc.nlp;

import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Removes markup from abstracts: HTML/JATS tags, then character entities, then runs of white space.
 * Spark NLP's DocumentNormalizer removes by regex only: it cannot decode {@code &amp;lt;} and the
 * usual {@code <[^>]*>} pattern eats "p < 0.05 ... OR > 2"; here a tag must look like one.
 */
public class MarkupStripper extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Pattern BLOCK_TAG = Pattern.compile("</?(p|br|div|h[1-6]|li|ul|ol|sec|title|table|tr|td)(\\s[^<>]*)?/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:_-]*(\\s[^<>]*)?/?>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    public MarkupStripper() {
        this(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("markupStripper"));
    }

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;

    public MarkupStripper(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "text column with markup");
        outputCol = new Param<>(this, "outputCol", "plain text column (may be the input column)");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> inputCol() { return inputCol; }
    public Param<String> outputCol() { return outputCol; }

    public MarkupStripper setInputCol(String v) { set(inputCol, v); return this; }
    public MarkupStripper setOutputCol(String v) { set(outputCol, v); return this; }

    public static MLReader<MarkupStripper> read() {
        return new DefaultParamsReadable<MarkupStripper>() { }.read();
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
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        UserDefinedFunction f = udf((UDF1<String, String>) MarkupStripper::strip, DataTypes.StringType);
        return dataset.withColumn($(outputCol), f.apply(col($(inputCol))));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(inputCol) || !isDefined(outputCol)) {
            throw new IllegalArgumentException(uid + ": set inputCol and outputCol");
        }
        if (!java.util.Arrays.asList(schema.fieldNames()).contains($(inputCol))
                || !schema.apply($(inputCol)).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(uid + ": input column " + $(inputCol) + " must exist and be a string");
        }
        return java.util.Arrays.asList(schema.fieldNames()).contains($(outputCol)) ? schema
                : schema.add($(outputCol), DataTypes.StringType, true);
    }

    @Override
    public MarkupStripper copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
