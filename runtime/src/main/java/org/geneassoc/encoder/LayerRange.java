package org.geneassoc.encoder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;

/**
 * The encoder layers whose token states are averaged into the features, written {@code first-last}
 * (1 = the first transformer layer). Which range works best is measured by {@code geneassoc experiments}.
 */
public record LayerRange(int first, int last) implements Serializable {
    /** What the experiments found best on BLURB dev for the shipped BGE-small (12 layers). */
    public static final String DEFAULT_TEXT = "3-12";
    public static final LayerRange DEFAULT = parse(DEFAULT_TEXT);

    public LayerRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("Encoder layer range " + first + "-" + last + " is not of the form first-last with 1 <= first <= last");
        }
    }

    @JsonCreator
    public static LayerRange parse(String text) {
        String[] parts = text.strip().split("-", -1);
        try {
            if (parts.length == 1) {
                int layer = Integer.parseInt(parts[0]);
                return new LayerRange(layer, layer);
            }
            if (parts.length == 2) {
                return new LayerRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            throw malformed(text);
        }
        throw malformed(text);
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("Encoder layers '" + text + "' are not a range such as 3-12 or a single layer such as 12");
    }

    @JsonValue
    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
