package org.geneassoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.Species;
import org.geneassoc.ner.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate-entities on corpora other than BioRED: their type names, composite IDs, title mentions, lockbox and folds. */
class AnyPubTatorCorpusTest {
    private static final String NCBI_DISEASE_STYLE = String.join("\n",
            "10|t|Breast cancer in ataxia telangiectasia",
            "10|a|BRCA1 carriers with breast and ovarian cancer.",
            "10\t0\t13\tBreast cancer\tSpecificDisease\tD001943",
            "10\t17\t39\tataxia telangiectasia\tSpecificDisease\tD001260",
            "10\t67\t90\tbreast and ovarian cancer\tCompositeMention\tD001943|D010051",
            "10\t40\t45\tBRCA1\tModifier\t-1",
            "");

    private static Vocabulary vocabulary() {
        Concept brca1 = Concept.gene("672", "BRCA1", Species.HUMAN, "HGNC:1100", null, null);
        Vocabulary.Term[] bySpecies = new Vocabulary.Term[Species.values().length];
        bySpecies[Species.HUMAN.ordinal()] = new Vocabulary.Term("BRCA1", brca1, "test");
        return new Vocabulary(Map.of("brca1", new Vocabulary.GeneTerms(bySpecies)), Map.of(
                "breastcancer", new Vocabulary.Term("breast cancer", Concept.disease("D001943", "Breast Neoplasms"), "test"),
                "ataxiatelangiectasia", new Vocabulary.Term("ataxia telangiectasia", Concept.disease("D001260", "Ataxia Telangiectasia"), "test")));
    }

    @Test
    void readsEachCorpusTypesAndCompositeIds(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ncbi.PubTator"), NCBI_DISEASE_STYLE);
        PubTator.Document d = PubTator.read(file).get(0);
        assertThat(d.mentions()).extracting(PubTator.Mention::kind)
                .containsExactly(PubTator.Kind.DISEASE, PubTator.Kind.DISEASE, PubTator.Kind.DISEASE, PubTator.Kind.DISEASE);
        assertThat(d.mentions().get(2).ids()).containsExactly("D001943", "D010051");
        assertThat(d.mentions().get(3).ids()).as("-1 is no ID").isEmpty();
        PubTator.EntityTypes onlySpecific = new PubTator.EntityTypes(Set.of(), Set.of("SpecificDisease"));
        assertThat(PubTator.read(file, onlySpecific).get(0).mentions()).extracting(PubTator.Mention::kind)
                .containsExactly(PubTator.Kind.DISEASE, PubTator.Kind.DISEASE, PubTator.Kind.OTHER, PubTator.Kind.OTHER);
    }

    @Test
    void scoresTitleMentionsAndLeavesUnannotatedKindsUnscored(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ncbi.PubTator"), NCBI_DISEASE_STYLE);
        EntityEvaluation e = new EntityEvaluation(vocabulary(), PubTator.read(file), DiseaseIds.AS_WRITTEN);
        // Both diseases are named only in the title (and breast cancer inside the composite): 2 of 3 gold IDs found.
        assertThat(e.diseaseScores()).isEqualTo(new SetScores(2, 0, 1));
        assertThat(e.geneScores()).as("the corpus annotates no genes: BRCA1 is not counted as spurious").isNull();
        assertThat(e.report(1)).contains("genes: not annotated in this corpus, not scored");
        // One abstract: every resample is that abstract, so the interval is the figure itself.
        assertThat(F1Interval.of(e.diseasesByAbstract()).low()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(e.report(1)).contains("    95% interval of F1 0.8000-0.8000 (1,000 resamples of the 1 abstract)");
    }

    @Test
    void aGeneKeepsTheSpeciesOfTheFoldThatScoredItsAbstract() {
        // Cross-validation scores each fold with its own vocabulary; a later fold's may not name BRCA1 at all.
        PubTator.Document d = new PubTator.Document("20", "BRCA1 in families", "Carriers of BRCA1.",
                List.of(new PubTator.Mention(0, 5, "BRCA1", "Gene", PubTator.Kind.GENE, List.of("672"))), List.of());
        PubTator.Document other = new PubTator.Document("21", "No genes here", "None.", List.of(), List.of());
        Vocabulary withoutBrca1 = new Vocabulary(Map.of(), Map.of());
        EntityEvaluation e = new EntityEvaluation(true, false, DiseaseIds.AS_WRITTEN).add(vocabulary(), List.of(d)).add(withoutBrca1, List.of(other));
        assertThat(e.namedSpeciesGeneScores()).isEqualTo(new SetScores(1, 0, 0));
        assertThat(e.report(0)).contains("  genes, human                     P=1.0000 R=1.0000 F1=1.0000 (tp=1 fp=0 fn=0)");
    }

    @Test
    void anOmimIdMedicMergesIntoOneMeshConceptIsThatConcept(@TempDir Path dir) throws Exception {
        // NCBI Disease writes ataxia telangiectasia as OMIM:208900; MEDIC merges that into MeSH D001260, which the vocabulary names.
        Path file = Files.writeString(dir.resolve("ncbi.PubTator"), NCBI_DISEASE_STYLE.replace("\tD001260", "\tOMIM:208900"));
        DiseaseIds medic = DiseaseIds.of(List.of("ID\tXrefID", "OMIM:208900\tMESH:D001260", "OMIM:607107\tMESH:D001943",
                "OMIM:607107\tMESH:D010051"));
        assertThat(new EntityEvaluation(vocabulary(), PubTator.read(file), DiseaseIds.AS_WRITTEN).diseaseScores()).isEqualTo(new SetScores(1, 1, 2));
        assertThat(new EntityEvaluation(vocabulary(), PubTator.read(file), medic).diseaseScores()).isEqualTo(new SetScores(2, 0, 1));
        assertThat(medic.apply("OMIM:607107")).as("mapped to two MeSH concepts: neither").isEqualTo("OMIM:607107");
        assertThat(medic.size()).isEqualTo(1);
        assertThat(DiseaseIds.read(dir)).as("no cross-references in this folder").isSameAs(DiseaseIds.AS_WRITTEN);
    }

    @Test
    void theLockboxIsEachCorpusLastAbstractsByPubMedIdAcrossCorpora() {
        Corpus a = new Corpus("A", "a", true, false, true, 1);
        Corpus b = new Corpus("B", "b", false, true, false, 0);
        PubTator.Document d1 = new PubTator.Document("1", "t", "a", List.of(), List.of());
        PubTator.Document d2 = new PubTator.Document("2", "t", "a", List.of(), List.of());
        Set<String> lockbox = Corpus.lockbox(List.of(new Corpus.Annotated(a, List.of(d1, d2)), new Corpus.Annotated(b, List.of(d2, d1))));
        assertThat(lockbox).containsExactly("2");
        // Abstract 2 is locked away in B too, where B's own lockbox is empty.
        assertThat(new Corpus.Annotated(b, List.of(d2, d1)).only(p -> !lockbox.contains(p)).documents()).containsExactly(d1);
    }

    @Test
    void foldsAreFixedByPubMedIdAndSpreadAbstractsEvenly() {
        int[] sizes = new int[5];
        for (long pmid = 10_000_000; pmid < 10_005_000; pmid++) {
            int f = Corpus.fold(String.valueOf(pmid), 5);
            assertThat(Corpus.fold(String.valueOf(pmid), 5)).isEqualTo(f);
            sizes[f]++;
        }
        assertThat(java.util.Arrays.stream(sizes).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(900, 1100));
    }
}
