package org.geneassoc.ner;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The species whose genes the vocabulary names, with the words that say a text is about them. BioRED,
 * like NCBI Gene, gives a mouse or rat gene its own Entrez ID (mouse Brca1 is 12189, human BRCA1 672).
 */
public enum Species {
    HUMAN("9606", Set.of("human", "humans", "patient", "patients", "man", "men", "woman", "women", "child", "children",
            "people", "person", "persons", "participants", "individuals", "infant", "infants", "families", "proband")),
    MOUSE("10090", Set.of("mouse", "mice", "murine", "mus", "c57bl", "balb")),
    RAT("10116", Set.of("rat", "rats", "rattus", "wistar", "sprague"));

    private final String taxon;
    private final Set<String> cues;

    Species(String taxon, Set<String> cues) {
        this.taxon = taxon;
        this.cues = cues;
    }

    /** The NCBI taxonomy ID. */
    public String taxon() {
        return taxon;
    }

    private static final Map<String, Species> BY_CUE = new HashMap<>();

    static {
        for (Species s : values()) {
            s.cues.forEach(c -> BY_CUE.put(c, s));
        }
    }

    /** The species a word names ("mice", "rats", "patients": the word's {@link TermKey}), or null. */
    public static Species cuedBy(String wordKey) {
        return BY_CUE.get(wordKey);
    }

    public static Species ofTaxon(String taxon) {
        for (Species s : values()) {
            if (s.taxon.equals(taxon)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown taxon " + taxon + "; expected one of 9606, 10090, 10116");
    }
}
