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

class SpeciesModelTest {
    /** Human by default; "knockout" and rodent-style symbols point to mouse, "rats" to rat. */
    private static SpeciesModel model() {
        List<String> features = List.of("#rodent-style symbols", "knockout", "rats");
        double[][] weights = {{0, 0, 0}, {1.0, 2.0, 0}, {0, 0, 3.0}};
        return new SpeciesModel(features, weights, new double[] {0.5, 0, 0}, Map.of("test", true));
    }

    @Test
    void featuresAreTheSameWhicheverPartIsTheTextAndWhichTheContext() {
        String title = "Brca1 knockout mice";
        String text = "Loss of Brca1 and Trp53 in mice causes tumours (p < 0.01); patients with BRCA1 mutations.";
        Map<String, Double> f = SpeciesModel.features(text, title);
        assertThat(f).isEqualTo(SpeciesModel.features(title, text));
        assertThat(f).containsEntry("knockout", 1.0).containsEntry("brca1", 1.0).containsEntry("01", 1.0).doesNotContainKey("p");
        assertThat(f.get("#names mouse")).isEqualTo(Math.log1p(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f.get("#names human")).isEqualTo(Math.log1p(1), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f).containsEntry("#rule mouse", 1.0).doesNotContainKey("#rule human");
        assertThat(f.get("#rodent-style symbols")).isEqualTo(Math.log1p(3), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f.get("#human-style symbols")).isEqualTo(Math.log1p(1), org.assertj.core.data.Offset.offset(1e-12));
    }

    /** Forty distinct words the model does not know, so that a test text is as long as an abstract. */
    private static final String FILLER = java.util.stream.IntStream.range(0, SpeciesModel.MIN_WORDS).mapToObj(i -> "filler" + i)
            .collect(java.util.stream.Collectors.joining(" ", " ", "."));

    @Test
    void picksTheSpeciesWithTheHighestScore() {
        SpeciesModel m = model();
        assertThat(m.species("BRCA1 in breast cancer." + FILLER, null)).isEqualTo(Species.HUMAN);
        assertThat(m.species("A Brca1 knockout." + FILLER, null)).isEqualTo(Species.MOUSE);
        assertThat(m.species("Brca1 in rats." + FILLER, "A Brca1 study")).isEqualTo(Species.RAT);
    }

    @Test
    void aTextShorterThanAnAbstractIsLeftToTheRule() {
        assertThat(model().species("A Brca1 knockout", null)).isNull();
        assertThat(model().predict(SpeciesModel.features("A Brca1 knockout", null))).isEqualTo(Species.MOUSE);
    }

    @Test
    void aWrittenModelReadsBackTheSame(@TempDir Path dir) throws IOException {
        SpeciesModel m = model();
        m.write(dir);
        SpeciesModel back = SpeciesModel.read(dir);
        assertThat(back.words()).isEqualTo(m.words());
        assertThat(back.weight(Species.RAT, "rats")).isEqualTo(3.0);
        assertThat(back.weight(Species.MOUSE, "unknown")).isZero();
        assertThat(back.about()).containsEntry("test", true);
        assertThat(back.species("A Brca1 knockout" + FILLER, "in rats")).isEqualTo(Species.RAT);
    }

    @Test
    void aDamagedFileIsNamedInTheError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(SpeciesModel.FILE), "{\"words\": [\"a\"], \"intercepts\": {\"human\": 0}, \"weights\": {\"human\": [1]}}");
        assertThatThrownBy(() -> SpeciesModel.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve(SpeciesModel.FILE).toString()).hasMessageContaining("mouse");
        assertThatThrownBy(() -> new SpeciesModel(List.of("a", "b"), new double[3][1], new double[3], null))
                .hasMessageContaining("2 features");
    }

    @Test
    void aVocabularyWithAModelGivesGenesTheModelsSpecies() {
        Concept human = Concept.gene("672", "BRCA1", Species.HUMAN, "HGNC:1100", null, null);
        Concept mouse = Concept.gene("12189", "Brca1", Species.MOUSE, null, "672", "BRCA1");
        Vocabulary.Term[] terms = new Vocabulary.Term[Species.values().length];
        terms[Species.HUMAN.ordinal()] = new Vocabulary.Term("BRCA1", human, "test");
        terms[Species.MOUSE.ordinal()] = new Vocabulary.Term("Brca1", mouse, "test");
        Vocabulary rule = new Vocabulary(Map.of(TermKey.gene("BRCA1"), new Vocabulary.GeneTerms(terms)), Map.of());
        String text = "BRCA1 was deleted in a knockout line." + FILLER;
        assertThat(new EntityMatcher(rule).find(text)).extracting(m -> m.concept().id()).containsExactly("672");
        assertThat(new EntityMatcher(rule.withSpecies(model())).find(text)).extracting(m -> m.concept().id()).containsExactly("12189");
    }
}
