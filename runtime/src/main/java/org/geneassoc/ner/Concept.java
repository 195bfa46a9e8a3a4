package org.geneassoc.ner;

import java.io.Serializable;

/**
 * A normalised entity. Genes: {@code id} is the Entrez (NCBI Gene) ID, with HGNC symbol and ID where HGNC
 * knows it. Diseases: {@code id} is the MeSH ID ({@code meshId} too), an OMIM ID from BioRED, or
 * {@code DO:<name>} for a Disease Ontology name MeSH lacks.
 */
public record Concept(EntityType type, String id, String name, String hgncId, String meshId) implements Serializable {
    public enum EntityType { GENE, DISEASE }
}
