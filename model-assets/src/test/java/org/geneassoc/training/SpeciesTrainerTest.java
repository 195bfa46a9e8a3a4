package org.geneassoc.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.geneassoc.evaluation.Corpus;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Species;
import org.geneassoc.ner.SpeciesModel;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed species model is what the corpora teach, and it beats the species-word rule on abstracts it did not see. */
class SpeciesTrainerTest {
    private static final Path COMMITTED = Path.of("src/main/models/vocabulary");
    private static List<Corpus.Annotated> corpora;
    private static Set<String> lockbox;
    private static Vocabulary vocabulary;

    @BeforeAll
    static void read() throws Exception {
        Path data = SharedData.require("corpora/nlm-gene-train.PubTator").getParent().getParent();
        corpora = Corpus.readAll(data);
        lockbox = Corpus.lockbox(corpora);
        vocabulary = Vocabulary.read(COMMITTED);
    }

    @Test
    void refittingGivesTheCommittedModel(@TempDir Path dir) throws Exception {
        SpeciesTrainer.learn(SharedSpark.get(), corpora, pmid -> !lockbox.contains(pmid), vocabulary).write(dir);
        assertThat(dir.resolve(SpeciesModel.FILE)).as("run bin/geneassoc vocabulary and commit the result")
                .hasSameTextualContentAs(COMMITTED.resolve(SpeciesModel.FILE));
    }

    @Test
    void onAHeldOutFoldTheModelNamesTheStudiedSpeciesMoreOftenThanTheRule() {
        List<SpeciesTrainer.Labelled> all = SpeciesTrainer.examples(corpora, pmid -> !lockbox.contains(pmid), vocabulary);
        List<SpeciesTrainer.Labelled> heldOut = all.stream().filter(e -> Corpus.fold(e.pmid(), 5) == 0).toList();
        SpeciesModel model = SpeciesTrainer.fit(SharedSpark.get(), all.stream().filter(e -> Corpus.fold(e.pmid(), 5) != 0).toList());
        int byModel = 0;
        int byRule = 0;
        for (SpeciesTrainer.Labelled e : heldOut) {
            byModel += model.predict(e.features()) == e.species() ? 1 : 0;
            byRule += ruleOf(e) == e.species() ? 1 : 0;
        }
        double modelAccuracy = byModel / (double) heldOut.size();
        double ruleAccuracy = byRule / (double) heldOut.size();
        System.out.printf("species of %d held-out abstracts: model %.3f, rule %.3f%n", heldOut.size(), modelAccuracy, ruleAccuracy);
        assertThat(heldOut).hasSizeGreaterThan(80);
        assertThat(modelAccuracy).isGreaterThan(0.89).isGreaterThanOrEqualTo(ruleAccuracy);
    }

    /** The rule's pick, which the features carry as "#rule …". */
    private static Species ruleOf(SpeciesTrainer.Labelled e) {
        for (Species s : Species.values()) {
            if (e.features().containsKey("#rule " + s.name().toLowerCase(java.util.Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalStateException("no rule feature for " + e.pmid());
    }
}
