package org.geneassoc.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coordinated gene symbols name each member, the way NLM-Gene and BioRED annotate them, on a small vocabulary of
 * human genes (no mention model, so every match the matcher makes is seen).
 */
class CoordinatedGenesTest {
    private static final EntityMatcher MATCHER = new EntityMatcher(vocabulary());

    private static Vocabulary vocabulary() {
        Map<String, Vocabulary.GeneTerms> genes = new HashMap<>();
        gene(genes, "5595", "MAPK3", "ERK1");
        gene(genes, "5594", "MAPK1", "ERK2");
        gene(genes, "5604", "MAP2K1", "MEK1", "MEK");
        gene(genes, "5605", "MAP2K2", "MEK2");
        gene(genes, "6093", "ROCK1", "ROCK-I");
        gene(genes, "9475", "ROCK2", "ROCK-II");
        gene(genes, "6323", "SCN1A", "Nav1.1");
        gene(genes, "6326", "SCN2A", "Nav1.2");
        gene(genes, "6328", "SCN3A", "Nav1.3");
        gene(genes, "1788", "DNMT3A", "DNMT3a");
        gene(genes, "1789", "DNMT3B", "DNMT3b");
        return new Vocabulary(genes, Map.of());
    }

    private static void gene(Map<String, Vocabulary.GeneTerms> genes, String id, String symbol, String... synonyms) {
        Concept c = Concept.gene(id, symbol, Species.HUMAN, null, null, null);
        genes.put(TermKey.gene(symbol), terms(new Vocabulary.Term(symbol, c, "NCBI Gene symbol")));
        for (String s : synonyms) {
            genes.put(TermKey.gene(s), terms(new Vocabulary.Term(s, c, "NCBI Gene synonym")));
        }
    }

    private static Vocabulary.GeneTerms terms(Vocabulary.Term human) {
        Vocabulary.Term[] bySpecies = new Vocabulary.Term[Species.values().length];
        bySpecies[Species.HUMAN.ordinal()] = human;
        return new Vocabulary.GeneTerms(bySpecies);
    }

    private static List<String> ids(String text) {
        return MATCHER.find(text).stream().map(m -> m.concept().id()).toList();
    }

    private static List<String> texts(String text) {
        return MATCHER.find(text).stream().map(Mention::text).toList();
    }

    @Test
    void numberedMembersAfterASlashACommaOrAnd() {
        assertThat(ids("ERK1/2 were active.")).containsExactly("5595", "5594");
        assertThat(ids("DNMT3a and 3b were methylated.")).containsExactly("1788", "1789");
        // A member the vocabulary does not have ends the list.
        assertThat(ids("ERK1/2/9 were active.")).containsExactly("5595", "5594");
    }

    @Test
    void romanMembersFollowARomanFirst() {
        assertThat(ids("ROCK-I/II inhibitors")).containsExactly("6093", "9475");
        assertThat(texts("ROCK-I/II inhibitors")).containsExactly("ROCK-I", "II");
        // A number is no member of a Roman list.
        assertThat(ids("ROCK-I and 2 were studied.")).containsExactly("6093");
    }

    @Test
    void membersMayRepeatTheNumberBeforeTheStemsFullStop() {
        assertThat(ids("Nav1.1/1.2 channels")).containsExactly("6323", "6326");
        assertThat(ids("Nav1.1-1.3 channels")).containsExactly("6323", "6326", "6328");
        // Another number before the full stop is another family.
        assertThat(ids("Nav1.1/2.2 channels")).containsExactly("6323");
    }

    @Test
    void aSymbolWrittenApartFromItsFirstMemberNamesEachMember() {
        assertThat(ids("MEK 1/2 inhibition")).containsExactly("5604", "5604", "5605");
        assertThat(texts("MEK 1/2 inhibition")).containsExactly("MEK", "1", "2");
        // A lone number after a symbol is no member.
        assertThat(ids("MEK 1 day later")).containsExactly("5604");
    }

    @Test
    void numbersThatAreNoMembersNameNothing() {
        assertThat(ids("ERK1 rose in 2 of 5 samples.")).containsExactly("5595");
        assertThat(ids("ERK1/2.5-fold higher")).containsExactly("5595");
    }
}
