package org.geneassoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** The sentence pairs the sentence head learns from BioRED: marked as GAD marks them, labelled by BioRED's relations. */
class BioredSentencesTest {

    @Test
    void everySentenceNamingAGoldGeneAndDiseaseIsMarkedAndLabelledByTheRelations() throws Exception {
        List<Row> rows = SentenceHeadCommand.bioredSentences(SharedSpark.get(), SharedData.require("biored/Dev.PubTator")).collectAsList();
        assertThat(rows).hasSize(579);
        assertThat(rows.stream().filter(r -> r.getDouble(1) == 1.0).count()).isEqualTo(438);
        assertThat(rows).allSatisfy(r -> assertThat(r.getString(0)).contains("@GENE$").contains("@DISEASE$"));
        // PMID 15951966: BioRED relates MSH2 and MLH1 to HNPCC, so their shared BACKGROUND sentence is positive for both.
        assertThat(rows).filteredOn(r -> r.getString(0).startsWith("BACKGROUND: Exonic deletions in"))
                .extracting(r -> r.getString(0).substring(0, 60), r -> r.getDouble(1))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("BACKGROUND: Exonic deletions in MSH2 and @GENE$ are signific", 1.0),
                        org.assertj.core.groups.Tuple.tuple("BACKGROUND: Exonic deletions in @GENE$ and MLH1 are signific", 1.0));
    }
}
