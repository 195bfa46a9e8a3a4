package org.geneassoc.ner;

import java.io.Serializable;

/** A recognised name: its text, its character span (end exclusive) and the concept it names. */
public record Mention(int start, int end, String text, Concept concept) implements Serializable {
}
