package org.geneassoc.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * abstract, and every distinct GAD sentence. Passes over the texts run for {@link #WARM_UP_SECONDS}
 * untimed, so the JIT has compiled the matcher, then each pass is timed in the process's CPU time
 * (the matcher's thread and the collector's) for at least {@link #MIN_SECONDS} in all. The figure is
 * the median pass's mentions (and texts) per CPU-second, with the slowest and fastest pass beside it:
 * per core is what a user pays for, and the spread shows how far one run can be trusted on a shared
 * machine (compare code by alternating runs, not by one run each).
 */
public final class MatcherBenchmark {
    static final double WARM_UP_SECONDS = 5;
    static final double MIN_SECONDS = 20;
    private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

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

    /** name=value figures: texts, characters, mentions per pass, timed passes, and mentions and texts per CPU-second (median, slowest and fastest pass). */
    public static Map<String, String> run(EntityMatcher matcher, List<String> texts) {
        long chars = texts.stream().mapToLong(String::length).sum();
        int mentions = pass(matcher, texts);
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            pass(matcher, texts);
        }
        List<Double> passSeconds = new ArrayList<>();
        double total = 0;
        while (total < MIN_SECONDS) {
            long start = CPU.getProcessCpuTime();
            pass(matcher, texts);
            double seconds = (CPU.getProcessCpuTime() - start) / 1e9;
            passSeconds.add(seconds);
            total += seconds;
        }
        double median = Benchmark.median(passSeconds);
        double fastest = Collections.min(passSeconds);
        double slowest = Collections.max(passSeconds);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("matcher_texts", String.valueOf(texts.size()));
        out.put("matcher_chars", String.valueOf(chars));
        out.put("matcher_mentions", String.valueOf(mentions));
        out.put("matcher_passes", String.valueOf(passSeconds.size()));
        out.put("matcher_mentions_per_cpu_s", perSecond(mentions, median));
        out.put("matcher_mentions_per_cpu_s_slowest_fastest", perSecond(mentions, slowest) + "-" + perSecond(mentions, fastest));
        out.put("matcher_texts_per_cpu_s", perSecond(texts.size(), median));
        return out;
    }

    private static String perSecond(int count, double seconds) {
        return String.format(Locale.ROOT, "%.0f", count / seconds);
    }

    private static int pass(EntityMatcher matcher, List<String> texts) {
        int n = 0;
        for (String t : texts) {
            n += matcher.find(t).size();
        }
        return n;
    }
}
