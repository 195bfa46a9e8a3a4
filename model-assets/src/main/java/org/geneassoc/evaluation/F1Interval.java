package org.geneassoc.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How far an F1 over a corpus's abstracts could move with another sample of abstracts like them: the 2.5th and
 * 97.5th percentiles of F1 over {@value #RESAMPLES} resamples of the abstracts with replacement, each scored as
 * {@link SetScores} sums them (micro-averaged). It measures the sampling of abstracts only, not how models fitted
 * on other data would differ, nor how another corpus's annotation differs from this one's.
 *
 * @param low       the 2.5th percentile of F1
 * @param high      the 97.5th percentile of F1
 * @param documents how many abstracts were resampled
 */
public record F1Interval(double low, double high, int documents) {
    public static final int RESAMPLES = 1000;
    /** Fixed, so that a report repeats figure for figure. */
    private static final long SEED = 24L;

    /** The interval of {@code perDocument}'s F1, whose keys (document IDs) fix the order resamples draw from. */
    public static F1Interval of(Map<String, SetScores> perDocument) {
        SetScores[] docs = new TreeMap<>(perDocument).values().toArray(SetScores[]::new);
        if (docs.length == 0) {
            return new F1Interval(0, 0, 0);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] f1 = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            long tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < docs.length; i++) {
                SetScores d = docs[random.nextInt(docs.length)];
                tp += d.tp();
                fp += d.fp();
                fn += d.fn();
            }
            f1[r] = new SetScores(tp, fp, fn).f1();
        }
        Arrays.sort(f1);
        return new F1Interval(f1[(int) (0.025 * RESAMPLES)], f1[(int) Math.ceil(0.975 * RESAMPLES) - 1], docs.length);
    }

    public String line() {
        return String.format(Locale.ROOT, "    95%% interval of F1 %.4f-%.4f (%,d resamples of the %,d abstract%s)", low, high, RESAMPLES,
                documents, documents == 1 ? "" : "s");
    }
}
