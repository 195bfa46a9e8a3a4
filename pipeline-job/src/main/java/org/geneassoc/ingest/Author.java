package org.geneassoc.ingest;

import java.io.Serializable;

/** An author as Europe PMC lists one; a collective author has only {@code fullName}. */
public record Author(String fullName, String lastName, String firstName, String initials) implements Serializable {
}
