package org.geneassoc.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.geneassoc.assets.DiseaseVariants.Rule;
import org.junit.jupiter.api.Test;

class DiseaseVariantsTest {
    private static Map<String, Rule> all(String name) {
        return DiseaseVariants.of(name, DiseaseVariants.all());
    }

    @Test
    void headWordsAndOrganAdjectivesStandForOneAnother() {
        assertThat(all("Eye Abnormalities")).containsEntry("eye malformation", Rule.HEAD_SYNONYMS)
                .containsEntry("ocular abnormalities", Rule.ORGAN_ADJECTIVES).containsKey("ocular anomaly")
                .doesNotContainKey("eye abnormalities");
        assertThat(all("Kidney Diseases")).containsKeys("renal diseases", "renal disorder", "kidney disorder");
        assertThat(all("Colorectal Neoplasms")).containsKeys("colorectal cancer", "colorectal adenocarcinoma");
        assertThat(all("Adenocarcinoma")).isEmpty();
        assertThat(all("Fungal Infectious Disease")).containsEntry("fungal infection", Rule.HEAD_SYNONYMS);
        assertThat(all("Gastrointestinal Hemorrhage")).containsEntry("gi hemorrhage", Rule.ORGAN_ADJECTIVES);
    }

    @Test
    void aConditionOfAnOrganIsAlsoSaidAsAPhrase() {
        assertThat(all("Hearing Loss")).containsEntry("loss of hearing", Rule.OF_PHRASES);
        assertThat(all("Kidney Injury")).containsKeys("injury of the kidney", "injury to the kidney", "kidney damage", "renal injury");
        assertThat(all("Breast Feeding")).doesNotContainValue(Rule.OF_PHRASES);
    }

    @Test
    void aOneWordNameHasItsAdjective() {
        assertThat(all("Schizophrenia")).containsOnly(Map.entry("schizophrenic", Rule.ADJECTIVES));
        assertThat(all("Epilepsy")).containsOnlyKeys("epileptic");
        assertThat(all("Psychosis")).containsOnlyKeys("psychotic");
        assertThat(all("Hypertension")).containsOnlyKeys("hypertensive");
        assertThat(all("Obesity")).containsOnlyKeys("obese");
        assertThat(all("Asthma")).containsOnlyKeys("asthmatic");
        assertThat(all("Gout")).isEmpty();
    }

    @Test
    void anOrgansDiseasesAreNamedByTheDamageToIt() {
        assertThat(all("Kidney Diseases")).containsEntry("renal fibrosis", Rule.ORGAN_PATHOLOGIES)
                .containsEntry("kidney lesion", Rule.ORGAN_PATHOLOGIES).containsKey("renal injury");
        assertThat(all("Myocardial Disease")).containsKeys("myocardial damage", "myocardium necrosis");
        assertThat(all("Gastrointestinal Diseases")).containsKey("gi toxicity");
        assertThat(all("Rare Diseases")).doesNotContainValue(Rule.ORGAN_PATHOLOGIES);
        assertThat(all("Kidney Neoplasms")).doesNotContainValue(Rule.ORGAN_PATHOLOGIES);
        assertThat(all("Polycystic Kidney Diseases")).doesNotContainValue(Rule.ORGAN_PATHOLOGIES);
    }

    @Test
    void aDroppedModifierLeavesNoStrayComma() {
        assertThat(all("Pulmonary Hypoplasia, Primary")).containsEntry("pulmonary hypoplasia", Rule.DROPPED_MODIFIERS);
    }

    @Test
    void eachRuleCanBeLeftOut() {
        assertThat(DiseaseVariants.of("Hearing Loss", EnumSet.complementOf(EnumSet.of(Rule.OF_PHRASES)))).doesNotContainKey("loss of hearing");
        assertThat(DiseaseVariants.of("Eye Abnormalities", EnumSet.of(Rule.ORGAN_ADJECTIVES))).containsOnlyKeys("ocular abnormalities");
        assertThat(DiseaseVariants.of("Eye Abnormalities", EnumSet.noneOf(Rule.class))).isEmpty();
    }
}
