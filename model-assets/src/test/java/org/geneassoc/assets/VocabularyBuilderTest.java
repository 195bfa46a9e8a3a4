package org.geneassoc.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vocabulary rules that need no reference data. */
class VocabularyBuilderTest {
    private static String[] gene(String id, String symbol, String synonyms, String fullName) {
        return new String[] {id, symbol, synonyms, fullName};
    }

    @Test
    void aSecondMitochondrialGenomesRecordOfAGeneIsDroppedAndNuclearGenesAreKept() {
        List<String[]> rows = List.of(
                gene("4513", "MT-CO2", "COX2|COII|MTCO2", "cytochrome c oxidase subunit II"),
                gene("5743", "PTGS2", "COX-2|COX2|PHS-2", "prostaglandin-endoperoxide synthase 2"),
                // An archaic human's mitochondrial genome: MT-CO2's synonym and full name.
                gene("6775079", "COX2", "", "cytochrome c oxidase subunit II"),
                // A mouse strain's, filed with its symbol as its full name.
                gene("5912281", "COX2", "", "COX2"),
                // A synonym of an MT- gene as the symbol of a gene with a name of its own stays.
                gene("999", "COII", "", "some nuclear protein"),
                gene("17716", "mt-Nd1", "ND1", "NADH dehydrogenase subunit 1"),
                gene("7668603", "ND1", "", "NADH dehydrogenase subunit 1"));
        assertThat(VocabularyBuilder.withoutMitochondrialDuplicates(rows)).extracting(c -> c[0])
                .containsExactly("4513", "5743", "999", "17716");
    }

    @Test
    void aConceptMostlyUnannotatedTakesOnlyItsNamesTooRareToJudgeWithIt() {
        // Blindness as a whole is mostly unannotated, sunk by "blind" in "double-blind"; "blindness" itself is right.
        Map<String, int[]> seen = Map.of("Dblind", new int[] {66, 1}, "Dblindness", new int[] {3, 3}, "Dblinded", new int[] {2, 0});
        assertThat(VocabularyBuilder.namesTooRareToJudge(Set.of("blind", "blindness", "blinded"), seen)).containsExactly("blinded");
    }
}
