package org.geneassoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void binsCountTheirScoresAndTheErrorWeighsTheGapByTheBinsShare() {
        Calibration c = Calibration.of(new double[] {0.05, 0.15, 0.85, 0.95, 1.0}, new boolean[] {false, true, true, true, false});
        assertThat(c.bins()).hasSize(10);
        assertThat(c.bins().get(0).count()).isEqualTo(1);
        assertThat(c.bins().get(1).rightShare()).isEqualTo(1.0);
        assertThat(c.bins().get(9).count()).as("1.0 falls in the last bin").isEqualTo(2);
        assertThat(c.bins().get(9).meanScore()).isCloseTo(0.975, within(1e-9));
        // |0-0.05|*1/5 + |1-0.15|*1/5 + |1-0.85|*1/5 + |0.5-0.975|*2/5
        assertThat(c.expectedError()).isCloseTo((0.05 + 0.85 + 0.15 + 2 * 0.475) / 5, within(1e-9));
    }

    @Test
    void thePlotIsWellFormedSvgWithAPointPerNonEmptyBin() throws Exception {
        Calibration c = Calibration.of(new double[] {0.05, 0.15, 0.85, 0.95}, new boolean[] {false, true, true, true});
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(c.svg("a <title> & more").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(4);
    }
}
