package org.geneassoc.evaluation;

import java.util.Map;
import org.geneassoc.evaluation.BinaryMetrics;
import java.util.Set;

/**
 * Precision, recall and F1 of predicted items against gold items, per document and summed over the
 * documents of the gold standard (micro-averaged). A document absent from {@code predicted} predicted nothing.
 */
public record SetScores(long tp, long fp, long fn) {

    public static SetScores of(Map<String, Set<String>> predicted, Map<String, Set<String>> gold) {
        return sum(perDocument(predicted, gold));
    }

    /** The counts of {@link #perDocument} summed: the corpus figure. */
    public static SetScores sum(Map<String, SetScores> perDocument) {
        return perDocument.values().stream().reduce(new SetScores(0, 0, 0), SetScores::plus);
    }

    /** The counts of each document of the gold standard, keyed as it is. */
    public static Map<String, SetScores> perDocument(Map<String, Set<String>> predicted, Map<String, Set<String>> gold) {
        Map<String, SetScores> out = new java.util.TreeMap<>();
        for (Map.Entry<String, Set<String>> g : gold.entrySet()) {
            Set<String> p = predicted.getOrDefault(g.getKey(), Set.of());
            long tp = p.stream().filter(g.getValue()::contains).count();
            out.put(g.getKey(), new SetScores(tp, p.size() - tp, g.getValue().size() - tp));
        }
        return out;
    }

    /** The items each document has that pass {@code keep}: a subset to score on its own (one species' genes). */
    public static Map<String, Set<String>> restrict(Map<String, Set<String>> items, java.util.function.Predicate<String> keep) {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        items.forEach((doc, ids) -> out.put(doc, ids.stream().filter(keep).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))));
        return out;
    }

    /**
     * The best any choice among these predictions can score: keep the right ones, drop the rest. For
     * candidate pairs this is the ceiling the entities found put on every scoring of them.
     */
    public SetScores bestSubset() {
        return new SetScores(tp, 0, fn);
    }

    /** These counts and {@code other}'s together: several corpora scored as one. */
    public SetScores plus(SetScores other) {
        return new SetScores(tp + other.tp, fp + other.fp, fn + other.fn);
    }

    /** Set scores have no true negatives; precision, recall and F1 do not need them. */
    private BinaryMetrics counts() {
        return new BinaryMetrics(tp, fp, 0, fn);
    }

    public double precision() {
        return counts().precision();
    }

    public double recall() {
        return counts().recall();
    }

    public double f1() {
        return counts().f1();
    }

    public String line(String label) {
        return String.format(java.util.Locale.ROOT, "%-34s P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)", label,
                precision(), recall(), f1(), tp, fp, fn);
    }
}
