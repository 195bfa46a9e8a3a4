package org.geneassoc.assets;

import org.geneassoc.encoder.OnnxEncoder;
import org.geneassoc.encoder.WordPieceTokenizer;
import org.geneassoc.encoder.LayerRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.Test;

class LayerOutputsTest {
    private static final Path ENCODER = Path.of(SharedData.models(), "encoder");
    private static final List<WordPieceTokenizer.Encoding> BATCH = List.of(
            OnnxEncoder.shared(ENCODER, 1).tokenizer().encode("BRCA1 mutations cause hereditary breast cancer.", 512),
            OnnxEncoder.shared(ENCODER, 1).tokenizer().encode("No association with asthma was found.", 512));

    @Test
    void theBuiltEncoderExposesEveryLayerOfBgeSmall() {
        assertThat(OnnxEncoder.shared(ENCODER, 1).layerCount()).isEqualTo(12);
    }

    @Test
    void theLastLayerIsLastHiddenStateAndLayersDiffer() {
        OnnxEncoder encoder = OnnxEncoder.shared(ENCODER, 1);
        float[][][] last = encoder.hiddenStates(BATCH);
        float[][][] twelve = encoder.hiddenStates(BATCH, new LayerRange(12, 12));
        float[][][] three = encoder.hiddenStates(BATCH, new LayerRange(3, 3));
        assertThat(twelve[1][2]).containsExactly(last[1][2]);
        assertThat(three[1][2]).isNotEqualTo(last[1][2]);
        assertThat(three[1].length).isEqualTo(last[1].length);
    }

    @Test
    void aRangeIsTheMeanOfItsLayers() {
        OnnxEncoder encoder = OnnxEncoder.shared(ENCODER, 1);
        float[] l10 = encoder.hiddenStates(BATCH, new LayerRange(10, 10))[0][4];
        float[] l11 = encoder.hiddenStates(BATCH, new LayerRange(11, 11))[0][4];
        float[] l12 = encoder.hiddenStates(BATCH, new LayerRange(12, 12))[0][4];
        float[] upper = encoder.hiddenStates(BATCH, new LayerRange(11, 12))[0][4];
        float[] middle = encoder.hiddenStates(BATCH, new LayerRange(10, 11))[0][4];
        for (int d = 0; d < upper.length; d++) {
            assertThat(upper[d]).isCloseTo((l11[d] + l12[d]) / 2, org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(middle[d]).isCloseTo((l10[d] + l11[d]) / 2, org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void exposingTwiceLeavesTheModelAsItIs() throws Exception {
        byte[] built = Files.readAllBytes(ENCODER.resolve(OnnxEncoder.MODEL_FILE));
        assertThat(LayerOutputs.expose(built, "built model")).isSameAs(built);
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsRefusedByName() {
        assertThatThrownBy(() -> LayerOutputs.expose("not a model".getBytes(), "broken.onnx"))
                .hasMessageContaining("broken.onnx");
    }

    @Test
    void layerNumbersOutsideTheEncoderAreRefused() {
        assertThatThrownBy(() -> OnnxEncoder.shared(ENCODER, 1).checkLayers(new LayerRange(3, 13)))
                .hasMessageContaining("layer 13").hasMessageContaining("1..12");
        assertThatThrownBy(() -> LayerRange.parse("12-3")).hasMessageContaining("12-3");
        assertThatThrownBy(() -> LayerRange.parse("three")).hasMessageContaining("'three'");
        assertThat(LayerRange.parse(" 3-12 ")).isEqualTo(new LayerRange(3, 12));
        assertThat(LayerRange.parse("12")).isEqualTo(new LayerRange(12, 12));
    }
}
