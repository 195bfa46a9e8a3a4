package org.geneassoc.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mention model's features, its judgement inside the matcher (which matches are entities, which name another species' gene too), and its file. */
class MentionModelTest {
    private static final Concept CAT = Concept.gene("847", "CAT", Species.HUMAN, "HGNC:1516", null, null);
    private static final Concept SHOCK = Concept.disease("D012769", "Shock");
    private static final Concept TNF = Concept.gene("7124", "TNF", Species.HUMAN, "HGNC:11892", null, null);
    private static final Concept MOUSE_TNF = Concept.gene("21926", "Tnf", Species.MOUSE, null, "7124", "TNF");

    /** TNF as the human and the mouse gene tables spell it. */
    private static Vocabulary tnf() {
        return new Vocabulary(Map.of(TermKey.gene("TNF"), terms(new Vocabulary.Term("TNF", TNF, "NCBI Gene symbol"),
                new Vocabulary.Term("Tnf", MOUSE_TNF, "NCBI Gene symbol"))), Map.of());
    }

    /** Keeps every match; names a gene of another species too where a word near the mention names that species. */
    private static MentionModel speciesModel() {
        return new MentionModel(Map.of(
                Concept.EntityType.GENE, new MentionModel.Head(Map.of(), 2.0, 0.5),
                Concept.EntityType.DISEASE, new MentionModel.Head(Map.of(), 2.0, 0.5)),
                new MentionModel.Head(Map.of("candidate cue near", 6.0), -3.0, 0.5), Map.of("learnt", "by hand"));
    }

    /** A vocabulary of two names: the gene symbol CAT and the disease shock. */
    private static Vocabulary vocabulary() {
        Vocabulary.Term[] cat = new Vocabulary.Term[Species.values().length];
        cat[Species.HUMAN.ordinal()] = new Vocabulary.Term("CAT", CAT, "NCBI Gene symbol");
        return new Vocabulary(Map.of(TermKey.gene("CAT"), new Vocabulary.GeneTerms(cat)),
                Map.of(TermKey.disease("shock"), new Vocabulary.Term("shock", SHOCK, "disease vocabulary")));
    }

    /** Keeps every gene; keeps a disease unless the word before it is "heat". */
    private static MentionModel model() {
        return new MentionModel(Map.of(
                Concept.EntityType.GENE, new MentionModel.Head(Map.of(), 2.0, 0.5),
                Concept.EntityType.DISEASE, new MentionModel.Head(Map.of("before1=heat", -5.0), 1.0, 0.5)), null, Map.of("learnt", "by hand"));
    }

    @Test
    void theFeaturesSayNameSourceShapeAndContext() {
        String text = "Levels of CAT (n = 3) rose in septic shock; CAT fell.";
        Vocabulary v = vocabulary();
        List<Mention> found = new EntityMatcher(v).find(text);
        assertThat(found).extracting(Mention::text).containsExactly("CAT", "shock", "CAT");
        List<String> cat = MentionModel.features(v, text, found.get(0), MentionModel.perConcept(found));
        assertThat(cat).contains("key=" + TermKey.gene("CAT"), "species=HUMAN", "species named=1", "source=NCBI Gene symbol", "case=same",
                "shape=A", "length=3", "words=1", "before1=of", "before2=levels", "after1=n", "after2=3", "before parentheses",
                "repeated=2").doesNotContain("in parentheses");
        List<String> shock = MentionModel.features(v, text, found.get(1), MentionModel.perConcept(found));
        assertThat(shock).contains("source=disease vocabulary", "before1=septic", "after1=cat", "repeated=1");
        assertThat(MentionModel.shape("Brca1-like")).isEqualTo("Aa0-a");
    }

    @Test
    void theMatcherKeepsOnlyWhatTheModelJudgesAnEntity() {
        EntityMatcher matcher = new EntityMatcher(vocabulary().withMentionModel(model()));
        assertThat(matcher.find("CAT rose in septic shock")).extracting(Mention::text).containsExactly("CAT", "shock");
        assertThat(matcher.find("CAT rose after heat shock")).extracting(Mention::text).containsExactly("CAT");
        assertThat(new EntityMatcher(vocabulary().withMentionModel(model()).withoutMentionModel()).find("CAT rose after heat shock"))
                .extracting(Mention::text).containsExactly("CAT", "shock");
    }

    @Test
    void aGeneOfAnotherSpeciesIsDescribedByTheStudysSpeciesAndTheName() {
        String text = "Tnf rose in mice and in patients.";
        Vocabulary v = tnf();
        List<Mention> found = new EntityMatcher(v).find(text);
        assertThat(found).extracting(Mention::concept).containsExactly(MOUSE_TNF);
        List<MentionModel.Candidate> other = MentionModel.otherSpecies(v, text, "TNF in sepsis", found);
        assertThat(other).extracting(MentionModel.Candidate::concept).containsExactly(TNF);
        assertThat(other.get(0).source()).isEqualTo(found.get(0));
        assertThat(other.get(0).features()).contains("pair=HUMAN<MOUSE", "cues HUMAN=1", "cues MOUSE=1", "cues RAT=0", "candidate cue share=mid",
                "candidate cue near", "given cue near", "candidate genes=0", "given genes=all", "genes=1", "source=NCBI Gene symbol",
                "case=other case", "orthologs", "shape=Aa", "repeated=1", "candidate style share=0", "given style share=all");
        assertThat(MentionModel.otherSpecies(v, "Tnf rose in mice.", null, new EntityMatcher(v).find("Tnf rose in mice.")).get(0).features())
                .contains("cues HUMAN=0", "candidate cue share=0").doesNotContain("candidate cue near");
        // A study of human cells that names mice once writes its symbols the human way.
        String xenograft = "TNF rose in mice.";
        List<Mention> inMice = new EntityMatcher(v).find(xenograft);
        assertThat(inMice).extracting(Mention::concept).containsExactly(MOUSE_TNF);
        assertThat(MentionModel.otherSpecies(v, xenograft, null, inMice).get(0).features())
                .contains("candidate style share=all", "given style share=0");
    }

    @Test
    void aCoordinatedMemberIsLookedUpInTheOtherSpeciesByItsGenesSymbol() {
        Concept mapk3 = Concept.gene("5595", "MAPK3", Species.HUMAN, "HGNC:6877", null, null);
        Concept mapk1 = Concept.gene("5594", "MAPK1", Species.HUMAN, "HGNC:6871", null, null);
        Concept mouseMapk3 = Concept.gene("26417", "Mapk3", Species.MOUSE, null, "5595", "MAPK3");
        Concept mouseMapk1 = Concept.gene("26413", "Mapk1", Species.MOUSE, null, "5594", "MAPK1");
        Vocabulary v = new Vocabulary(Map.of(
                TermKey.gene("ERK1"), terms(new Vocabulary.Term("ERK1", mapk3, "NCBI Gene synonym"), new Vocabulary.Term("Erk1", mouseMapk3, "NCBI Gene synonym")),
                TermKey.gene("ERK2"), terms(new Vocabulary.Term("ERK2", mapk1, "NCBI Gene synonym"), new Vocabulary.Term("Erk2", mouseMapk1, "NCBI Gene synonym")),
                TermKey.gene("MAPK1"), terms(new Vocabulary.Term("MAPK1", mapk1, "NCBI Gene symbol"), new Vocabulary.Term("Mapk1", mouseMapk1, "NCBI Gene symbol"))),
                Map.of());
        String text = "ERK1/2 rose in patients.";
        List<Mention> found = new EntityMatcher(v).find(text);
        assertThat(found).extracting(Mention::text).containsExactly("ERK1", "2");
        assertThat(found).extracting(Mention::concept).containsExactly(mapk3, mapk1);
        List<MentionModel.Candidate> other = MentionModel.otherSpecies(v, text, null, found);
        assertThat(other).extracting(MentionModel.Candidate::concept).containsExactly(mouseMapk3, mouseMapk1);
        assertThat(other.get(1).source()).isEqualTo(found.get(1));
        assertThat(other.get(1).features()).contains("pair=MOUSE<HUMAN", "source=NCBI Gene symbol", "case=other", "orthologs", "shape=0");
    }

    /** A name's human and mouse entries. */
    private static Vocabulary.GeneTerms terms(Vocabulary.Term human, Vocabulary.Term mouse) {
        Vocabulary.Term[] t = new Vocabulary.Term[Species.values().length];
        t[Species.HUMAN.ordinal()] = human;
        t[Species.MOUSE.ordinal()] = mouse;
        return new Vocabulary.GeneTerms(t);
    }

    @Test
    void theMatcherNamesTheOtherSpeciesGeneAtTheSameSpanWhereTheModelSaysSo() {
        EntityMatcher matcher = new EntityMatcher(tnf().withMentionModel(speciesModel()));
        List<Mention> both = matcher.find("Tnf rose in mice and in patients.");
        assertThat(both).extracting(Mention::concept).containsExactly(MOUSE_TNF, TNF);
        assertThat(both).extracting(Mention::start).containsExactly(0, 0);
        assertThat(matcher.find("Tnf rose in mice.")).extracting(Mention::concept).containsExactly(MOUSE_TNF);
        assertThat(new EntityMatcher(tnf()).find("Tnf rose in mice and in patients.")).extracting(Mention::concept).containsExactly(MOUSE_TNF);
    }

    @Test
    void theFileKeepsTheWeightsAndTheVocabularyReadsItBack(@TempDir Path dir) throws IOException {
        vocabulary().withMentionModel(model()).write(dir);
        assertThat(MentionModel.existsIn(dir)).isTrue();
        Vocabulary back = Vocabulary.read(dir);
        MentionModel m = back.mentionModel();
        assertThat(m.head(Concept.EntityType.DISEASE).weights()).containsExactly(Map.entry("before1=heat", -5.0));
        assertThat(m.head(Concept.EntityType.DISEASE).probability(List.of("before1=heat"))).isCloseTo(1 / (1 + Math.exp(4)), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.about()).containsEntry("learnt", "by hand");
        assertThat(new EntityMatcher(back).find("CAT rose after heat shock")).extracting(Mention::text).containsExactly("CAT");
        assertThat(m.species()).isNull();
        tnf().withMentionModel(speciesModel()).write(dir.resolve("species"));
        assertThat(Vocabulary.read(dir.resolve("species")).mentionModel().species().weights()).containsExactly(Map.entry("candidate cue near", 6.0));
    }

    @Test
    void aBrokenFileIsReportedByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(MentionModel.FILE), "{\"heads\": {\"gene\": {\"weights\": {}, \"intercept\": 0, \"threshold\": 0.5}}}");
        assertThatThrownBy(() -> MentionModel.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve(MentionModel.FILE).toString()).hasMessageContaining("DISEASE has none");
        assertThatThrownBy(() -> new MentionModel.Head(Map.of(), 0, 1.5)).hasMessageContaining("1.5");
    }
}
