package org.geneassoc.ner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The species whose genes the vocabulary names, with the words that say a text is about them. BioRED,
 * like NCBI Gene, gives a mouse or rat gene its own Entrez ID (mouse Brca1 is 12189, human BRCA1 672).
 */
public enum Species {
    HUMAN("9606", Set.of("human", "humans", "patient", "patients", "man", "men", "woman", "women", "child", "children",
            "people", "person", "persons", "participants", "individuals", "infant", "infants", "families", "proband"),
            Set.of("hela", "hek", "hek293", "hek293t", "293t", "hepg2", "huh", "huh7", "a549", "mcf", "mcf7", "mcf10a", "jurkat",
                    "u2os", "hct116", "k562", "lncap", "sw480", "sw620", "thp", "u937", "huvec", "huvecs", "caco", "sy5y", "hacat",
                    "t47d", "du145", "saos", "u87", "u251", "hl60", "ht1080"),
            Grafts.WORDS),
    MOUSE("10090", Set.of("mouse", "mice", "murine", "mus", "c57bl", "balb"),
            Set.of("nih3t3", "3t3", "raw264", "c2c12", "mef", "mefs", "neuro2a", "n2a", "b16", "min6", "j774", "l929", "mc3t3", "bv2",
                    "4t1", "ct26"), Set.of()),
    RAT("10116", Set.of("rat", "rats", "rattus", "wistar", "sprague"), Set.of("pc12", "h9c2", "h4iie", "gh3", "ar42j"), Set.of());

    private final String taxon;
    private final Set<String> cues;

    /**
     * @param words     keys of the words that name the species or its people and strains
     * @param cellLines keys of widely used cell lines of the species, by their origin in Cellosaurus: a sentence
     *                  about HeLa cells in a study of mice is about human genes ("MCF-7" keys as "mcf" and "7")
     * @param grafts    words for the species' tissue grown in another's body ({@link Grafts})
     */
    Species(String taxon, Set<String> words, Set<String> cellLines, Set<String> grafts) {
        this.taxon = taxon;
        Set<String> all = new HashSet<>(words);
        all.addAll(cellLines);
        all.addAll(grafts);
        this.cues = Set.copyOf(all);
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

    /** Human tissue grown in mice: a human tumour grown in nude or SCID mice is studied for its human genes. */
    private static final class Grafts {
        /** The immunodeficient mice that take such grafts: the mice they name are hosts, not the species studied. */
        static final Set<String> HOSTS = Set.of("nude", "athymic", "scid", "nsg", "immunodeficient");
        static final Set<String> WORDS = Stream.concat(HOSTS.stream(),
                        Stream.of("xenograft", "xenografts", "xenografted", "xenotransplanted", "xenotransplantation"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How many words after a host word its mouse word may stand ("nude (nu/nu) mice"). */
    private static final int HOST_REACH = 3;

    /**
     * The species each word of a text names ("mice", "rats", "patients", "HeLa": by their {@link TermKey}s, in order),
     * or null; the first mouse word within {@value #HOST_REACH} words after a host word names none ("in nude mice" is
     * about human tissue).
     */
    public static Species[] cuedBy(String[] wordKeys) {
        Species[] out = new Species[wordKeys.length];
        for (int w = 0; w < wordKeys.length; w++) {
            out[w] = BY_CUE.get(wordKeys[w]);
        }
        for (int w = 0; w < wordKeys.length; w++) {
            // Every host word names people, so the set is asked only of words that do.
            if (out[w] == HUMAN && Grafts.HOSTS.contains(wordKeys[w])) {
                for (int next = w + 1; next < Math.min(wordKeys.length, w + 1 + HOST_REACH); next++) {
                    if (out[next] == MOUSE) {
                        out[next] = null;
                        break;
                    }
                }
            }
        }
        return out;
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
