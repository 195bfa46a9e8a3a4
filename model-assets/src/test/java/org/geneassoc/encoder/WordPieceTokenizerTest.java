package org.geneassoc.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.geneassoc.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        tokenizer = WordPieceTokenizer.fromVocabFile(Path.of(SharedData.models(), "encoder", OnnxEncoder.VOCAB_FILE));
    }

    @Test
    void encodesLikeBertUncased() {
        // Ids of bert-base-uncased, whose vocabulary BGE-small shares.
        assertThat(tokenizer.encode("Hello, world!", 512).ids()).containsExactly(101, 7592, 1010, 2088, 999, 102);
    }

    @Test
    void splitsUnknownWordsIntoPiecesAndStripsAccents() {
        WordPieceTokenizer.Encoding e = tokenizer.encode("Tokenization", 512);
        assertThat(e.ids()).containsExactly(101, 19204, 3989, 102);
        assertThat(tokenizer.encode("Ménière", 512).ids()).isEqualTo(tokenizer.encode("meniere", 512).ids());
    }

    @Test
    void keepsTheCharacterSpanOfEveryToken() {
        String text = "in @GENE$ carriers";
        WordPieceTokenizer.Encoding e = tokenizer.encode(text, 512);
        assertThat(e.starts()[0]).isEqualTo(-1);
        for (int t = 1; t < e.length() - 1; t++) {
            assertThat(text.substring(e.starts()[t], e.ends()[t])).isNotBlank();
        }
        assertThat(text.substring(e.starts()[2], e.ends()[2])).isEqualTo("@");
        assertThat(text.substring(e.starts()[3], e.ends()[3])).isEqualTo("GENE");
    }

    @Test
    void truncatesToTheTokenBudgetKeepingSep() {
        WordPieceTokenizer.Encoding e = tokenizer.encode("word ".repeat(1000), 16);
        assertThat(e.length()).isEqualTo(16);
        assertThat(e.ids()[15]).isEqualTo(102);
    }
}
