package org.geneassoc.ner;

import java.io.Serializable;

/**
 * A normalised entity. Genes: {@code id} is the NCBI Gene (Entrez) ID of the gene in its species
 * ({@code taxon}), {@code name} its official symbol, {@code hgncId} set for human genes, and for mouse and
 * rat genes the one-to-one human ortholog's Entrez ID and symbol. Diseases: {@code id} is the MeSH ID as
 * BioRED writes it ({@code D003924}, {@code C535484}; {@code meshId} too) or {@code OMIM:…}, {@code name}
 * the concept's preferred name.
 */
public record Concept(EntityType type, String id, String name, String taxon, String hgncId, String meshId,
                      String orthologId, String orthologSymbol) implements Serializable {
    public enum EntityType { GENE, DISEASE }

    public static Concept gene(String entrezId, String symbol, Species species, String hgncId, String orthologId, String orthologSymbol) {
        return new Concept(EntityType.GENE, entrezId, symbol, species.taxon(), hgncId, null, orthologId, orthologSymbol);
    }

    public static Concept disease(String id, String name) {
        return new Concept(EntityType.DISEASE, id, name, null, null, id.startsWith("OMIM:") ? null : id, null, null);
    }

    /** The gene's species; null for a disease. */
    public Species species() {
        return taxon == null ? null : Species.ofTaxon(taxon);
    }
}
