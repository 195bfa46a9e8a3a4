package org.geneassoc.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.geneassoc.evaluation.DiseaseIds;
import org.geneassoc.ner.MentionModel;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;
import org.geneassoc.training.MentionTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed vocabulary and mention model are what the compiler and trainer make of the reference data: they cannot drift apart. */
class VocabularyDriftTest {
    private static final Path COMMITTED = Path.of("src/main/models/vocabulary");

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void rebuildingFromTheReferenceDataGivesTheCommittedVocabulary(@TempDir Path dir) throws Exception {
        Path data = SharedData.require("vocab/disease-vocabulary.tsv").getParent().getParent();
        VocabularyBuilder.compile(data, dir);
        assertThat(gunzip(dir.resolve(Vocabulary.FILE))).as("terms; run bin/geneassoc vocabulary and commit the result")
                .isEqualTo(gunzip(COMMITTED.resolve(Vocabulary.FILE)));
        assertThat(dir.resolve(VocabularyBuilder.REPORT)).hasSameTextualContentAs(COMMITTED.resolve(VocabularyBuilder.REPORT));
    }

    @Test
    void refittingTheMentionModelGivesTheCommittedFile(@TempDir Path dir) throws Exception {
        Path data = SharedData.require("vocab/disease-vocabulary.tsv").getParent().getParent();
        MentionTrainer.learnOutsideLockbox(SharedSpark.get(), data).write(dir);
        assertThat(dir.resolve(MentionModel.FILE)).as("mentions.json; run bin/geneassoc vocabulary and commit the result")
                .hasSameBinaryContentAs(COMMITTED.resolve(MentionModel.FILE));
    }

    @Test
    void aDiseaseNameLearntWithAnOmimIdNamesTheMeshConceptMedicMergesItInto() throws Exception {
        Path data = SharedData.require("vocab/disease-vocabulary.tsv").getParent().getParent();
        DiseaseIds medic = DiseaseIds.read(data);
        Set<String> ownConcepts = Files.readAllLines(data.resolve("vocab/disease-vocabulary.tsv")).stream()
                .map(line -> line.split("\t", 2)[0]).collect(Collectors.toSet());
        List<String> learnt = gunzip(COMMITTED.resolve(Vocabulary.FILE)).lines()
                .filter(line -> line.startsWith("DISEASE\t") && line.endsWith("\tannotated corpora")).toList();
        // NCBI Disease writes Pelizaeus-Merzbacher disease as OMIM:312080, BioRED and MeSH as D020371.
        assertThat(learnt).anyMatch(line -> line.contains("\tPelizaeus-Merzbacher disease\tD020371\t"));
        assertThat(learnt).as("learnt names whose OMIM ID MEDIC merges into one MeSH concept").noneMatch(line -> {
            String id = line.split("\t")[3];
            return !ownConcepts.contains(id) && !medic.apply(id).equals(id);
        });
    }

    @Test
    void theCommittedVocabularyIsCompactAndSaysWhereItCameFrom() throws Exception {
        assertThat(Files.size(COMMITTED.resolve(Vocabulary.FILE))).isLessThan(16L * 1024 * 1024);
        assertThat(Files.readString(COMMITTED.resolve("NOTICE"))).contains("NCBI Gene", "MGI", "RGD", "HGNC", "CTD", "MEDIC", "MeSH", "OMIM",
                "Disease Ontology", "Mondo", "BioRED", "CC BY 4.0");
        Vocabulary v = Vocabulary.read(COMMITTED);
        assertThat(v.geneTerms()).isGreaterThan(300_000);
        assertThat(v.gene("12189").orthologSymbol()).isEqualTo("BRCA1");
        assertThat(v.diseaseTerms()).isGreaterThan(50_000);
    }
}
