package org.geneassoc.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed vocabulary is what the compiler makes of the reference data: the two cannot drift apart. */
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
