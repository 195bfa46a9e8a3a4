package org.geneassoc.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One ID per disease concept where two corpora write one concept two ways. CTD's MEDIC vocabulary, which
 * NCBI Disease was annotated with and which the disease vocabulary comes from, merges OMIM diseases into
 * MeSH concepts: NCBI Disease writes {@code OMIM:300842} for McLeod syndrome where BioRED, and the
 * vocabulary, write its MeSH concept {@code C564038}. An OMIM ID that MEDIC maps to exactly one MeSH ID
 * reads as that MeSH ID; any other ID reads as itself. The cross-references are {@code
 * vocab/disease-xrefs.tsv} ({@code OMIM:… MESH:…} rows).
 */
public final class DiseaseIds implements UnaryOperator<String> {
    /** Where the cross-references are, under the reference data folder. */
    public static final String XREFS = "vocab/disease-xrefs.tsv";
    /** Every ID as written (no cross-references at hand). */
    public static final DiseaseIds AS_WRITTEN = new DiseaseIds(Map.of());

    private final Map<String, String> meshOf;

    private DiseaseIds(Map<String, String> meshOf) {
        this.meshOf = Map.copyOf(meshOf);
    }

    /** The OMIM → MeSH merges in {@code data}'s {@link #XREFS}, or {@link #AS_WRITTEN} where the file is absent. */
    public static DiseaseIds read(Path data) {
        Path file = data.resolve(XREFS);
        if (!Files.isRegularFile(file)) {
            return AS_WRITTEN;
        }
        try {
            return of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** From cross-reference lines {@code ID<TAB>XrefID} (a header line is skipped: it has no OMIM ID). */
    static DiseaseIds of(List<String> lines) {
        Map<String, Set<String>> mesh = new HashMap<>();
        for (String line : lines) {
            String[] c = line.split("\t");
            if (c.length == 2 && c[0].startsWith("OMIM:") && c[1].startsWith("MESH:")) {
                mesh.computeIfAbsent(c[0], k -> new HashSet<>()).add(c[1].substring("MESH:".length()));
            }
        }
        // An OMIM ID mapped to several MeSH concepts names none of them alone.
        Map<String, String> one = new HashMap<>();
        mesh.forEach((omim, ids) -> {
            if (ids.size() == 1) {
                one.put(omim, ids.iterator().next());
            }
        });
        return new DiseaseIds(one);
    }

    @Override
    public String apply(String id) {
        return meshOf.getOrDefault(id, id);
    }

    /** How many OMIM IDs read as a MeSH concept. */
    public int size() {
        return meshOf.size();
    }
}
