package org.geneassoc.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/** Confusion counts of a binary classifier and the figures of its positive class. */
public record BinaryMetrics(long tp, long fp, long tn, long fn) {

    public static BinaryMetrics of(double[] labels, double[] scores, double threshold) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = scores[i] >= threshold;
            boolean actual = labels[i] >= 0.5;
            if (predicted && actual) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
            else tn++;
        }
        return new BinaryMetrics(tp, fp, tn, fn);
    }

    public long total() {
        return tp + fp + tn + fn;
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        return total() == 0 ? 0 : (double) (tp + tn) / total();
    }

    /** Matthews correlation coefficient; 0 where a margin is empty. */
    public double mcc() {
        double d = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return d == 0 ? 0 : ((double) tp * tn - (double) fp * fn) / d;
    }

    /** F1 of always answering "positive": the majority-class baseline on GAD, where positives lead. */
    public double alwaysPositiveF1() {
        long pos = tp + fn;
        return pos == 0 ? 0 : 2.0 * pos / (pos + total());
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", round(precision()));
        m.put("recall", round(recall()));
        m.put("f1", round(f1()));
        m.put("accuracy", round(accuracy()));
        m.put("mcc", round(mcc()));
        m.put("n", total());
        return m;
    }

    public static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
