package org.geneassoc.encoder;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer (basic split on whitespace and punctuation, lower case, accents
 * stripped, then greedy longest-match sub-words), as BGE was trained with. Each token keeps the
 * character span of the word it came from, so callers can find which tokens encode a given span.
 */
public final class WordPieceTokenizer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocab;
    private final int clsId;
    private final int sepId;
    private final int unkId;

    public WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = vocab;
        this.clsId = require(vocab, "[CLS]");
        this.sepId = require(vocab, "[SEP]");
        this.unkId = require(vocab, "[UNK]");
    }

    /** Reads a vocab.txt: one token per line, the line number is the id. */
    public static WordPieceTokenizer fromVocabFile(Path vocabTxt) throws IOException {
        List<String> lines = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
        Map<String, Integer> vocab = new HashMap<>(lines.size() * 2);
        for (int i = 0; i < lines.size(); i++) {
            vocab.putIfAbsent(lines.get(i), i);
        }
        if (vocab.size() < 100) {
            throw new IOException("Vocabulary " + vocabTxt + " has only " + vocab.size() + " tokens; not a WordPiece vocab.txt");
        }
        return new WordPieceTokenizer(vocab);
    }

    private static int require(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("WordPiece vocabulary lacks the special token " + token);
        }
        return id;
    }

    /**
     * Encodes {@code text} as {@code [CLS] tokens [SEP]}, truncated to {@code maxTokens} in all.
     * Special tokens get the span (-1, -1).
     */
    public Encoding encode(String text, int maxTokens) {
        List<int[]> words = splitWords(text);
        int budget = maxTokens - 2;
        int[] ids = new int[Math.min(maxTokens, 2 + estimate(words))];
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        int n = 0;
        ids[n] = clsId;
        starts[n] = -1;
        ends[n++] = -1;
        outer:
        for (int[] w : words) {
            for (int id : wordPieces(normalise(text.substring(w[0], w[1])))) {
                if (n - 1 >= budget) {
                    break outer;
                }
                if (n == ids.length - 1) {
                    int grown = Math.min(maxTokens, ids.length * 2);
                    ids = java.util.Arrays.copyOf(ids, grown);
                    starts = java.util.Arrays.copyOf(starts, grown);
                    ends = java.util.Arrays.copyOf(ends, grown);
                }
                ids[n] = id;
                starts[n] = w[0];
                ends[n++] = w[1];
            }
        }
        ids[n] = sepId;
        starts[n] = -1;
        ends[n++] = -1;
        return new Encoding(java.util.Arrays.copyOf(ids, n), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
    }

    private static int estimate(List<int[]> words) {
        return words.size() + words.size() / 2 + 8;
    }

    /** Character spans of BERT's basic tokens: runs of non-space, non-punctuation; each punctuation mark alone. */
    public static List<int[]> splitWords(String text) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
            boolean alone = isPunctuation(c) || isCjk(c);
            if (space || alone) {
                if (start >= 0) {
                    words.add(new int[] {start, i});
                    start = -1;
                }
                if (alone) {
                    words.add(new int[] {i, i + 1});
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(new int[] {start, text.length()});
        }
        return words;
    }

    private static String normalise(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private int[] wordPieces(String word) {
        if (word.isEmpty()) {
            return new int[0];
        }
        if (word.length() > MAX_WORD_CHARS) {
            return new int[] {unkId};
        }
        List<Integer> pieces = new ArrayList<>(4);
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = start == 0 ? word.substring(start, end) : "##" + word.substring(start, end);
                found = vocab.get(piece);
                if (found != null) {
                    break;
                }
                end--;
            }
            if (found == null) {
                return new int[] {unkId};
            }
            pieces.add(found);
            start = end;
        }
        return pieces.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isPunctuation(char c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** Token ids with the character span each token came from. */
    public record Encoding(int[] ids, int[] starts, int[] ends) implements Serializable {
        public int length() {
            return ids.length;
        }
    }
}
