package org.geneassoc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupStripperTest {
    @Test
    void removesTagsDecodesEntitiesAndFoldsSpace() {
        assertThat(MarkupStripper.strip("<i>BRCA1</i> variants<sup>2</sup>  were\n found")).isEqualTo("BRCA1 variants2 were found");
        assertThat(MarkupStripper.strip("<p>One.</p><p>Two.</p>")).isEqualTo("One. Two.");
        assertThat(MarkupStripper.strip("TNF-&amp;alpha; and &#946;-catenin &amp;lt;5%")).isEqualTo("TNF-α and β-catenin <5%");
        assertThat(MarkupStripper.strip(null)).isNull();
    }

    @Test
    void keepsComparisonsThatOnlyLookLikeTags() {
        assertThat(MarkupStripper.strip("significant (p < 0.05) with OR > 2 and 3<4"))
                .isEqualTo("significant (p < 0.05) with OR > 2 and 3<4");
    }
}
