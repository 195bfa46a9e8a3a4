package org.geneassoc.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EntityMatcherTest {
    private static EntityMatcher matcher;

    @BeforeAll
    static void load() throws Exception {
        Path folder = Path.of(SharedData.models(), "vocabulary");
        assumeTrue(Vocabulary.existsIn(folder), "skipped: no vocabulary built (../shared/data/vocab absent at build time)");
        matcher = new EntityMatcher(Vocabulary.read(folder));
    }

    private static Map<String, String> ids(String text) {
        return matcher.find(text).stream().collect(Collectors.toMap(Mention::text, m -> m.concept().type() + ":" + m.concept().id(), (a, b) -> a));
    }

    @Test
    void findsTheGoldGenesAndDiseasesOfRealBioredAbstracts() throws Exception {
        Map<String, PubTator.Document> dev = PubTator.read(SharedData.require("biored/Dev.PubTator")).stream()
                .collect(Collectors.toMap(PubTator.Document::pmid, d -> d));
        List<String> hnpcc = matcher.find(dev.get("15951966").abstractText()).stream()
                .map(m -> m.concept().type() + ":" + m.concept().id()).toList();
        assertThat(hnpcc).contains("GENE:4292", "GENE:4436", "DISEASE:D003123");
        List<String> gitelman = matcher.find(dev.get("15069170").abstractText()).stream()
                .map(m -> m.concept().type() + ":" + m.concept().id()).toList();
        assertThat(gitelman).contains("GENE:6559", "DISEASE:D053579");
        Mention mlh1 = matcher.find(dev.get("15951966").abstractText()).stream()
                .filter(m -> m.concept().id().equals("4292")).findFirst().orElseThrow();
        assertThat(mlh1.concept().name()).isEqualTo("MLH1");
        assertThat(mlh1.concept().hgncId()).isEqualTo("HGNC:7127");
        assertThat(dev.get("15951966").abstractText().substring(mlh1.start(), mlh1.end())).isEqualTo(mlh1.text());
    }

    @Test
    void copesWithCaseHyphensSpacingGreekAndPlurals() {
        assertThat(ids("Serum IL-6 rose.")).containsEntry("IL-6", "GENE:3569");
        assertThat(ids("Serum IL6 rose.")).containsEntry("IL6", "GENE:3569");
        assertThat(ids("TNF-α and TNF-alpha levels")).containsEntry("TNF-α", "GENE:7124").containsEntry("TNF-alpha", "GENE:7124");
        assertThat(ids("patients with Alzheimer's disease")).containsEntry("Alzheimer's disease", "DISEASE:D000544");
        assertThat(ids("patients with Alzheimer disease")).containsEntry("Alzheimer disease", "DISEASE:D000544");
        assertThat(ids("women with breast cancers")).containsValue("DISEASE:D001943");
        assertThat(ids("hepatocellular carcinoma")).containsEntry("hepatocellular carcinoma", "DISEASE:D006528");
    }

    private static List<String> geneIds(String text) {
        return matcher.find(text).stream().filter(m -> m.concept().type() == Concept.EntityType.GENE).map(m -> m.concept().id()).toList();
    }

    @Test
    void coordinatedSymbolsNameEveryMemberInTheSpeciesOfTheFirst() {
        assertThat(geneIds("Patients showed ERK1/2 activation.")).containsExactly("5595", "5594");
        assertThat(geneIds("In patients, GATA-4, -5, and -6 were expressed.")).containsExactly("2626", "140628", "2627");
        assertThat(geneIds("In mice, Mcm2-7 loading failed.")).containsExactly("17216", "17215", "17217", "17218", "17219", "17220");
        // Smad8 is Smad9's synonym.
        assertThat(geneIds("In mice, Smad1/5/8 were phosphorylated.")).containsExactly("17125", "17129", "55994");
        assertThat(geneIds("In patients, caspase-3/7 activity rose.")).containsExactly("836", "840");
        // A number that is no member: "IL-6 in 2 of 5 samples" names IL-6 alone.
        assertThat(geneIds("Patients had IL-6 in 2 of 5 samples.")).containsExactly("3569");
    }

    @Test
    void cox2NamesAGeneTheCorporaAnnotateNotASecondMitochondrialGenomesRecord() {
        // Human "COX2" was once the symbol of an archaic human's mitochondrial record (6775079); the corpora write
        // MT-CO2 or PTGS2, and Ptgs2 in mice.
        assertThat(geneIds("In patients, COX-2 and COX2 were measured.")).isNotEmpty().allSatisfy(id -> assertThat(id).isIn("4513", "5743"));
        assertThat(geneIds("In mice, COX-2 was induced.")).containsExactly("19225");
    }

    @Test
    void shortGeneSynonymsAreGenesWhereTheMentionModelSaysSo() {
        // NCBI Gene synonyms of four letters or fewer that no corpus annotates: once left out of the vocabulary altogether.
        assertThat(geneIds("ABAD expression was increased in the brains of patients with Alzheimer's disease.")).containsExactly("3028");
        assertThat(geneIds("Serum ABCP levels and ACLP expression were measured in patients with breast cancer.")).containsExactly("9429", "165");
        assertThat(geneIds("The NET effect of STOP codons on FISH and ROS was measured in patients.")).isEmpty();
    }

    @Test
    void shortFormsDefinedInTheTextNameTheirLongForm() {
        List<Mention> m = matcher.find("Hereditary nonpolyposis colorectal cancer (HNPCC) is common. HNPCC families were studied.");
        assertThat(m).filteredOn(x -> x.text().equals("HNPCC")).isNotEmpty()
                .allSatisfy(x -> assertThat(x.concept().id()).isEqualTo("D003123"));
    }

    @Test
    void commonFalseFriendsAreNotGenes() {
        String text = "We could not set the impact of the cat on 5 mg of tissue at 37 C; ROS and LPS were measured "
                + "in a damage model, and disease progression was followed for 12 months.";
        assertThat(matcher.find(text)).noneSatisfy(m -> assertThat(m.concept().type()).isEqualTo(Concept.EntityType.GENE));
        assertThat(ids("CAT activity and catalase")).containsEntry("CAT", "GENE:847");
    }

    @Test
    void aNameSpansAClauseBreakOnlyWhereItsOwnFormWritesOne() {
        // The matcher keeps a name from spanning "; ", ": " or ". " ("37 C; ROS" is not C-ROS, above) unless the name has it there.
        assertThat(ids("St. Anthony's fire was seen in patients.")).containsEntry("St. Anthony's fire", "DISEASE:D004881");
        assertThat(ids("The bile acid-CoA:amino acid N-acyltransferase gene was cloned."))
                .containsEntry("bile acid-CoA:amino acid N-acyltransferase", "GENE:570");
        // The name writes ":" after "CoA", not after "amino acid": this text's ": " there ends a clause.
        assertThat(ids("The bile acid-CoA amino acid: N-acyltransferase gene was cloned.")).doesNotContainValue("GENE:570");
    }

    @Test
    void aGeneIsTheSpeciesTheStudyIsAbout() {
        assertThat(ids("BRCA1 mutations in women with breast cancer")).containsEntry("BRCA1", "GENE:672");
        assertThat(ids("Brca1 knockout mice develop mammary tumours")).containsEntry("Brca1", "GENE:12189");
        assertThat(ids("In rats, TNF-alpha rose after injury.")).containsEntry("TNF-alpha", "GENE:24835");
        assertThat(ids("TNF-alpha rose in mice.")).containsEntry("TNF-alpha", "GENE:21926");
        assertThat(matcher.find("Trp53 mutant mice").get(0).concept())
                .extracting(Concept::taxon, Concept::id, Concept::orthologId, Concept::orthologSymbol)
                .containsExactly("10090", "22059", "7157", "TP53");
    }

    @Test
    void aSentenceAboutACellLineNamesTheGenesOfItsSpecies() {
        // HeLa cells are human and PC12 cells rat: in a study of mice, the sentence about them is not about mouse genes.
        assertThat(ids("Tnf knockout mice were studied. In these cells, TNF-alpha was silenced.")).containsEntry("TNF-alpha", "GENE:21926");
        assertThat(ids("Tnf knockout mice were studied. In HeLa cells, TNF-alpha was silenced.")).containsEntry("TNF-alpha", "GENE:7124");
        assertThat(ids("Tnf knockout mice were studied. In PC12 cells, TNF-alpha was silenced.")).containsEntry("TNF-alpha", "GENE:24835");
    }

    @Test
    void humanTumoursGrownInNudeMiceNameHumanGenes() {
        // Mice are named as often as people (not at all), so the study is taken to be about mice...
        assertThat(ids("TNF-alpha was silenced and the tumours grew in mice.")).containsEntry("TNF-alpha", "GENE:21926");
        // ...unless they are the immunodeficient hosts of a human graft, which is studied for its human genes.
        assertThat(ids("TNF-alpha was silenced and the tumours grew in nude mice.")).containsEntry("TNF-alpha", "GENE:7124");
        assertThat(ids("TNF-alpha was silenced in xenografts. The xenografts grew in mice.")).containsEntry("TNF-alpha", "GENE:7124");
        assertThat(ids("TNF-alpha was silenced and the tumours grew in NOD/SCID mice.")).containsEntry("TNF-alpha", "GENE:7124");
    }

    @Test
    void hgncAliasesThatNcbiGeneLacksNameTheirGenes() {
        // None of these is an NCBI Gene synonym or annotated in the corpora: only HGNC lists them.
        assertThat(ids("Mutations in parkin cause autosomal recessive juvenile parkinsonism.")).containsEntry("parkin", "GENE:5071");
        assertThat(ids("Hamartin binds tuberin; loss of dyskerin causes dyskeratosis congenita."))
                .containsEntry("Hamartin", "GENE:7248").containsEntry("dyskerin", "GENE:1736");
        // HGNC also lists the disease as an alias of ABCD1: the disease's name is still the disease.
        assertThat(ids("Patients with X-linked adrenoleukodystrophy carry ABCD1 mutations."))
                .containsOnly(Map.entry("X-linked adrenoleukodystrophy", "DISEASE:D000326"), Map.entry("ABCD1", "GENE:215"));
    }

    @Test
    void theTitleNamesTheSpeciesOfAnAbstractThatDoesNot() {
        assertThat(matcher.find("Leptin levels were measured.", "Obesity in Wistar rats").get(0).concept().id()).isEqualTo("25608");
        assertThat(matcher.find("Leptin levels were measured.", null).get(0).concept().id()).isEqualTo("3952");
    }

    @Test
    void synonymsNameTheirDiseaseAndJoinedWordsAreNotNames() {
        assertThat(ids("women with breast cancer")).containsEntry("breast cancer", "DISEASE:D001943");
        assertThat(ids("patients with type 2 diabetes")).containsEntry("type 2 diabetes", "DISEASE:D003924");
        assertThat(ids("a primary brain tumour")).containsValue("DISEASE:D001932");
        assertThat(ids("The genes is a list; the odds ratio (OR = 1.8) was a 15 percent rise.")).isEmpty();
    }

    @Test
    void namesAsAbstractsWriteThemFindTheirDisease() {
        assertThat(ids("a loss of hearing in carriers")).containsEntry("loss of hearing", "DISEASE:D034381");
        assertThat(ids("eye malformations were seen")).containsEntry("eye malformations", "DISEASE:D005124");
        assertThat(ids("schizophrenic patients")).containsEntry("schizophrenic", "DISEASE:D012559");
        assertThat(ids("Colorectal adenocarcinoma cells")).containsEntry("Colorectal adenocarcinoma", "DISEASE:D015179");
        assertThat(ids("dose-limiting GI toxicity and muscle injury")).containsEntry("GI toxicity", "DISEASE:D005767")
                .containsEntry("muscle injury", "DISEASE:D009135");
    }

    @Test
    void aShortFormInsideANameIsPartOfItAndAfterAnotherWordIsNot() {
        assertThat(ids("a central nervous system (CNS) infection")).containsEntry("central nervous system (CNS) infection", "DISEASE:D002494");
        assertThat(ids("inherited factor V (FV) deficiency")).containsEntry("factor V (FV) deficiency", "DISEASE:D005166")
                .doesNotContainValue("GENE:2153");
        assertThat(ids("the confidence interval (CI) 1.2 to 3.4")).isEmpty();
    }

    @Test
    void aDefinedShortFormNamesItsConceptInThePluralAndUndefinedOnesNameNoDisease() {
        assertThat(ids("hepatocellular carcinoma (HCC) was studied in 47 human HCCs")).containsEntry("HCCs", "DISEASE:D006528");
        assertThat(matcher.find("IS, MR and OB were scored.")).noneSatisfy(m -> assertThat(m.concept().type()).isEqualTo(Concept.EntityType.DISEASE));
    }

    @Test
    void namesOfAConceptTheCorporaShowUnannotatedAreDroppedTogether() {
        assertThat(matcher.find("No recurrence or disease progression was seen in the follow-up."))
                .noneSatisfy(m -> assertThat(m.concept().type()).isEqualTo(Concept.EntityType.DISEASE));
        assertThat(ids("a burn injury")).containsEntry("burn", "DISEASE:D002056");
    }

    @Test
    void coordinatedNamesNameEachDisease() {
        assertThat(matcher.find("patients with MEN1 and 2")).extracting(m -> m.text() + "=" + m.concept().id())
                .contains("MEN1=D018761", "2=D018813");
        assertThat(matcher.find("families with breast or ovarian cancer")).extracting(m -> m.text() + "=" + m.concept().id())
                .contains("breast=D001943", "ovarian cancer=D010051");
        assertThat(matcher.find("genotype and prostate cancer")).extracting(Mention::text).containsExactly("prostate cancer");
    }

    @Test
    void aNameWithoutTheWordForHowItAroseAndMeshBeforeOmim() {
        assertThat(ids("cortisol resistance in a family")).containsEntry("cortisol resistance", "DISEASE:C535280");
        assertThat(ids("renal tubular dysgenesis")).containsEntry("renal tubular dysgenesis", "DISEASE:C537048");
    }
}
