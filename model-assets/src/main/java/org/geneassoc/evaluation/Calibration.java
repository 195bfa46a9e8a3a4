package org.geneassoc.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far a score can be read as a probability: scores in ten equal bins, each bin's mean score beside the
 * share of its items that are right, the expected calibration error (the gap weighted by the bin's share
 * of items), and the reliability diagram of the same bins as an SVG picture.
 */
public record Calibration(List<Bin> bins, long total) {
    public static final int BINS = 10;

    /** Scores in {@code [from, to)} (the last bin includes 1). */
    public record Bin(double from, double to, long count, double meanScore, double rightShare) {
    }

    public static Calibration of(double[] scores, boolean[] right) {
        long[] n = new long[BINS];
        double[] sum = new double[BINS];
        long[] ok = new long[BINS];
        for (int i = 0; i < scores.length; i++) {
            int b = Math.min(BINS - 1, (int) Math.floor(scores[i] * BINS));
            n[b]++;
            sum[b] += scores[i];
            ok[b] += right[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, n[b], n[b] == 0 ? Double.NaN : sum[b] / n[b],
                    n[b] == 0 ? Double.NaN : ok[b] / (double) n[b]));
        }
        return new Calibration(bins, scores.length);
    }

    /** Expected calibration error: sum over bins of (items in it / all items) x |share right - mean score|. */
    public double expectedError() {
        double e = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                e += b.count() / (double) total * Math.abs(b.rightShare() - b.meanScore());
            }
        }
        return e;
    }

    public List<String> markdownTable() {
        List<String> out = new ArrayList<>();
        out.add("| score | pairs | mean score | share related |");
        out.add("|---|---|---|---|");
        for (Bin b : bins) {
            out.add(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %s | %s |", b.from(), b.to(), b.count(),
                    b.count() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", b.meanScore()),
                    b.count() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", b.rightShare())));
        }
        return out;
    }

    /** A reliability diagram: share right against mean score per bin (point area by count), the diagonal, and the count per bin below. */
    public String svg(String title) {
        int size = 360, left = 50, top = 30, histogram = 80;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", left + size + 20, top + size + histogram + 60));
        s.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"bold\">%s</text>%n", left, escape(title)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", left, top,
                size, size));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>%n",
                left, top + size, left + size, top));
        for (int i = 0; i <= 10; i += 2) {
            double v = i / 10.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.1f</text>%n", left - 6,
                    (int) (top + size - v * size) + 4, v));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n",
                    (int) (left + v * size), top + size + 16, v));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">association score (mean of the bin)</text>%n",
                left + size / 2, top + size + 32));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">share related</text>%n",
                top + size / 2));
        long most = bins.stream().mapToLong(Bin::count).max().orElse(1);
        StringBuilder line = new StringBuilder();
        for (Bin b : bins) {
            if (b.count() == 0) {
                continue;
            }
            double x = left + b.meanScore() * size;
            double y = top + size - b.rightShare() * size;
            line.append(line.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#1f77b4\" fill-opacity=\"0.6\">"
                    + "<title>%.1f-%.1f: %d pairs, mean score %.3f, %.3f related</title></circle>%n", x, y,
                    3 + 9 * Math.sqrt(b.count() / (double) most), b.from(), b.to(), b.count(), b.meanScore(), b.rightShare()));
        }
        s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"#1f77b4\"/>%n", line));
        int base = top + size + histogram + 40;
        for (Bin b : bins) {
            double h = histogram * b.count() / (double) most;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#aaa\"><title>%d pairs</title></rect>%n",
                    left + b.from() * size + 1, base - h, size / (double) BINS - 2, h, b.count()));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">pairs per bin (most: %d)</text>%n", left, base + 16, most));
        return s.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
