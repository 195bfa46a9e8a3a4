package org.geneassoc.nlp;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.Mention;

/**
 * A recognised gene or disease as a Spark row: the one schema of the {@code mentions} column and of the
 * {@code gene} and {@code disease} columns of pairs. Offsets are into the text searched (end exclusive).
 */
public record MentionRow(String text, int start, int end, Concept.EntityType type, String id, String name, String taxon,
                         String hgncId, String meshId, String orthologId, String orthologSymbol) {
    public static final StructType SCHEMA = new StructType()
            .add("text", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("type", DataTypes.StringType, false)
            .add("id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType)
            .add("taxon", DataTypes.StringType)
            .add("hgncId", DataTypes.StringType)
            .add("meshId", DataTypes.StringType)
            .add("orthologId", DataTypes.StringType)
            .add("orthologSymbol", DataTypes.StringType);

    public static MentionRow of(Mention m) {
        Concept c = m.concept();
        return new MentionRow(m.text(), m.start(), m.end(), c.type(), c.id(), c.name(), c.taxon(), c.hgncId(), c.meshId(),
                c.orthologId(), c.orthologSymbol());
    }

    public static MentionRow fromRow(Row r) {
        return new MentionRow(r.getAs("text"), r.<Integer>getAs("start"), r.<Integer>getAs("end"),
                Concept.EntityType.valueOf(r.getAs("type")), r.getAs("id"), r.getAs("name"), r.getAs("taxon"), r.getAs("hgncId"),
                r.getAs("meshId"), r.getAs("orthologId"), r.getAs("orthologSymbol"));
    }

    /** A {@code mentions} array column's value; null stays an empty list. */
    public static List<MentionRow> listFrom(Row r, String column) {
        List<MentionRow> out = new ArrayList<>();
        if (!r.isNullAt(r.fieldIndex(column))) {
            for (Row m : r.<Row>getList(r.fieldIndex(column))) {
                out.add(fromRow(m));
            }
        }
        return out;
    }

    public Row toRow() {
        return new GenericRowWithSchema(new Object[] {text, start, end, type.name(), id, name, taxon, hgncId, meshId, orthologId,
                orthologSymbol}, SCHEMA);
    }

    public boolean isGene() {
        return type == Concept.EntityType.GENE;
    }

    /** Whether the mention lies inside {@code [from, to)}. */
    public boolean within(int from, int to) {
        return start >= from && end <= to;
    }

    public boolean overlaps(MentionRow o) {
        return start < o.end && o.start < end;
    }
}
