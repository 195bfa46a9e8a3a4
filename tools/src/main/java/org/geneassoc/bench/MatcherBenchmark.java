package org.geneassoc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.ner.EntityMatcher;

/**
 * The entity matcher alone, on one thread, over real texts: every BioRED Train and Dev title and
 * abstract, and every distinct GAD sentence. Texts are matched in passes until at least
 * {@link #MIN_SECONDS} have passed after a warm-up pass; the figure is mentions (and texts) per second.
 */
public final class MatcherBenchmark {
    static final double MIN_SECONDS = 20;

    private MatcherBenchmark() {
    }

    /** The benchmark's texts from the reference data folder, in a fixed order. */
    public static List<String> texts(Path data) throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        for (String split : List.of("Train", "Dev")) {
            for (PubTator.Document d : PubTator.read(data.resolve("biored/" + split + ".PubTator"))) {
                texts.add(d.title());
                texts.add(d.abstractText());
            }
        }
        try (Stream<Path> folds = Files.walk(data.resolve("gad"))) {
            for (Path f : folds.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] c = line.split("\t");
                    // Test files carry an index column and a header; train files are sentence<TAB>label.
                    String sentence = c.length == 3 ? c[1] : c[0];
                    if (!sentence.equals("sentence")) {
                        texts.add(sentence);
                    }
                }
            }
        }
        return new ArrayList<>(texts);
    }

    /** name=value figures: texts, characters, mentions per pass, passes, mentions/s and texts/s. */
    public static Map<String, String> run(EntityMatcher matcher, List<String> texts) {
        long chars = texts.stream().mapToLong(String::length).sum();
        int mentions = pass(matcher, texts);
        int passes = 0;
        long start = System.nanoTime();
        double seconds;
        do {
            pass(matcher, texts);
            passes++;
            seconds = (System.nanoTime() - start) / 1e9;
        } while (seconds < MIN_SECONDS);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("matcher_texts", String.valueOf(texts.size()));
        out.put("matcher_chars", String.valueOf(chars));
        out.put("matcher_mentions", String.valueOf(mentions));
        out.put("matcher_passes", String.valueOf(passes));
        out.put("matcher_mentions_per_s", String.format(Locale.ROOT, "%.0f", mentions * (double) passes / seconds));
        out.put("matcher_texts_per_s", String.format(Locale.ROOT, "%.0f", texts.size() * (double) passes / seconds));
        return out;
    }

    private static int pass(EntityMatcher matcher, List<String> texts) {
        int n = 0;
        for (String t : texts) {
            n += matcher.find(t).size();
        }
        return n;
    }
}
