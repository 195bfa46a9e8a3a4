package org.geneassoc.ingest;

import java.util.HashMap;
import java.util.Map;

/** Collects one author's name parts from whichever format lists them. */
final class AuthorBuilder {
    private final Map<String, String> parts = new HashMap<>();

    boolean has(String field) {
        return parts.containsKey(field);
    }

    AuthorBuilder set(String field, String value) {
        parts.put(field, value);
        return this;
    }

    /** A collective name stands as the full name; otherwise the full name is built when absent. */
    Author build() {
        String last = parts.get("lastName");
        String first = parts.get("firstName");
        String initials = parts.get("initials");
        String full = parts.getOrDefault("fullName", parts.get("collectiveName"));
        if (full == null && last != null) {
            full = initials != null ? last + " " + initials : last;
        }
        return new Author(full, last, first, initials);
    }
}
