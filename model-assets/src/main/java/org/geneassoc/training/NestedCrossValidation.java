package org.geneassoc.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geneassoc.classify.RelationModel;
import org.geneassoc.evaluation.SetScores;
import org.geneassoc.training.RelationTrainer.Example;
import org.geneassoc.training.RelationTrainer.Fitted;

/**
 * How the relation model's settings are chosen, and how that choice is measured without touching the
 * abstracts it is measured on. {@link #choose} picks the L2 strength, a Platt calibration of the score and
 * the two thresholds (best pair F1; high precision) by cross-validation over the abstracts it is given.
 * {@link #run} repeats that whole choice inside each outer training fold and scores only the outer held-out
 * fold with it: the figures it returns are out of sample for every setting, weight and threshold.
 */
public final class NestedCrossValidation {
    /** Pair precision the high-precision threshold is chosen to reach in the inner folds. */
    public static final double HIGH_PRECISION = 0.80;
    /** Fewest pairs kept for a high-precision threshold to count: above it, a handful of pairs would decide. */
    static final int HIGH_PRECISION_MIN_PAIRS = 20;

    /**
     * The settings chosen: L2 strength, Platt scale and shift applied to the model's log-odds, the threshold with the best
     * pair F1 and the lowest threshold whose precision reached {@link #HIGH_PRECISION} (on calibrated scores).
     */
    public record Choice(double reg, double plattScale, double plattShift, double threshold, double highPrecisionThreshold) {
    }

    /** A candidate's out-of-sample score and the outer fold that scored it. */
    public record Scored(Example example, double score, int fold) {
    }

    /** What the outer folds chose and scored: the recognised entities' candidates, and those of gold mentions when given. */
    public record Outcome(Folds folds, List<Choice> choices, List<Scored> endToEnd, List<Scored> goldEntities) {
        /** Pooled pair scores, each fold's pairs kept at that fold's own threshold. */
        public SetScores pooled(List<Scored> scored, Map<String, Set<String>> gold, boolean highPrecision) {
            return SetScores.of(kept(scored, s -> s.score() >= threshold(s.fold(), highPrecision)), gold);
        }

        /** Pooled pair scores with every outer fold at the same threshold: read off, not chosen. */
        public static SetScores at(List<Scored> scored, Map<String, Set<String>> gold, double threshold) {
            return SetScores.of(kept(scored, s -> s.score() >= threshold), gold);
        }

        /** Pooled pair scores of plain co-occurrence (every candidate that shares a sentence) on the same candidates. */
        public static SetScores cooccurrence(List<Scored> scored, Map<String, Set<String>> gold, int coMentioned) {
            return SetScores.of(kept(scored, s -> s.example().features()[coMentioned] > 0), gold);
        }

        /** Pair F1 of each outer fold at its own threshold. */
        public double[] foldF1(List<Scored> scored, Map<String, Set<String>> gold) {
            return perFold(scored, gold, s -> s.score() >= threshold(s.fold(), false));
        }

        /** Co-occurrence F1 of each outer fold. */
        public double[] foldCooccurrenceF1(List<Scored> scored, Map<String, Set<String>> gold, int coMentioned) {
            return perFold(scored, gold, s -> s.example().features()[coMentioned] > 0);
        }

        /** Pair F1 of each outer fold's candidates that pass {@code keep}, against that fold's gold. */
        private double[] perFold(List<Scored> scored, Map<String, Set<String>> gold, java.util.function.Predicate<Scored> keep) {
            double[] f1 = new double[folds.count()];
            for (int k = 0; k < f1.length; k++) {
                int fold = k;
                f1[k] = SetScores.of(kept(scored, s -> s.fold() == fold && keep.test(s)), Folds.restrict(gold, folds.pmids(fold))).f1();
            }
            return f1;
        }

        private double threshold(int fold, boolean highPrecision) {
            Choice c = choices.get(fold);
            return highPrecision ? c.highPrecisionThreshold() : c.threshold();
        }

        private static Map<String, Set<String>> kept(List<Scored> scored, java.util.function.Predicate<Scored> keep) {
            Map<String, Set<String>> out = new HashMap<>();
            for (Scored s : scored) {
                if (keep.test(s)) {
                    out.computeIfAbsent(s.example().pmid(), p -> new java.util.TreeSet<>()).add(s.example().pair());
                }
            }
            return out;
        }
    }

    private final RelationTrainer trainer;
    private final int innerFolds;

    public NestedCrossValidation(RelationTrainer trainer, int innerFolds) {
        this.trainer = trainer;
        this.innerFolds = innerFolds;
    }

    /**
     * Chooses the settings by {@code innerFolds}-fold cross-validation over the abstracts of {@code gold}
     * (candidates outside them are ignored): every strength is fitted on each fold's complement, the held-out
     * log-odds of all folds calibrate it (Platt) and choose its thresholds on pooled pair scores.
     * Ties go to the stronger strength and the higher threshold.
     */
    public Choice choose(List<Example> examples, Map<String, Set<String>> gold) {
        Folds folds = new Folds(gold.keySet(), innerFolds);
        List<Example> mine = examples.stream().filter(e -> gold.containsKey(e.pmid())).toList();
        Choice best = null;
        double bestF1 = -1;
        for (double reg : RelationTrainer.REG_GRID) {
            double[] logOdds = new double[mine.size()];
            for (int k = 0; k < folds.count(); k++) {
                Fitted f = trainer.fit(folds.outside(mine, Example::pmid, k), reg);
                for (int i = 0; i < mine.size(); i++) {
                    if (folds.of(mine.get(i).pmid()) == k) {
                        logOdds[i] = logOdds(f, mine.get(i).features());
                    }
                }
            }
            double[] platt = platt(mine, logOdds);
            List<Example> calibrated = withScores(mine, logOdds, platt);
            double highPrecision = highPrecisionThreshold(calibrated, gold);
            for (double t : RelationTrainer.THRESHOLDS) {
                double f1 = RelationTrainer.pairScores(calibrated, gold, x -> x[0], t).f1();
                if (f1 >= bestF1) {
                    bestF1 = f1;
                    best = new Choice(reg, platt[0], platt[1], t, highPrecision);
                }
            }
        }
        return best;
    }

    /**
     * The type model's L2 strength, chosen by {@code innerFolds}-fold cross-validation over the abstracts of the
     * related {@code examples}: the most types right on the held-out folds, ties to the stronger strength. At the
     * strongest the weights vanish and the intercepts answer the most frequent type, so a type model that cannot
     * beat that answer is not chosen over it.
     */
    public double chooseTypeStrength(List<Example> examples) {
        List<Example> related = examples.stream().filter(Example::related).toList();
        Folds folds = new Folds(related.stream().map(Example::pmid).toList(), innerFolds);
        double best = Double.NaN;
        long bestRight = -1;
        for (double reg : RelationTrainer.TYPE_REG_GRID) {
            long right = 0;
            for (int k = 0; k < folds.count(); k++) {
                RelationModel m = trainer.typeModel(folds.outside(related, Example::pmid, k), reg);
                for (Example e : folds.in(related, Example::pmid, k)) {
                    right += m.type(e.features()).equals(e.type()) ? 1 : 0;
                }
            }
            if (right >= bestRight) {
                bestRight = right;
                best = reg;
            }
        }
        return best;
    }

    /** The model for a choice: fitted on all {@code examples} at its strength, its log-odds calibrated, its threshold set. */
    public Fitted fit(List<Example> examples, Choice choice) {
        Fitted f = trainer.fit(examples, choice.reg());
        double[] w = f.weights().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= choice.plattScale();
        }
        return new Fitted(choice.reg(), choice.threshold(), w, f.intercept() * choice.plattScale() + choice.plattShift());
    }

    /**
     * Outer folds over the abstracts of {@code gold}: in each, {@link #choose} and {@link #fit} see only the
     * other folds' recognised candidates and gold; the fold's own candidates (and its gold-mention candidates,
     * if any) are then scored once.
     */
    public Outcome run(List<Example> examples, List<Example> goldEntityExamples, Map<String, Set<String>> gold, int outerFolds) {
        Folds folds = new Folds(gold.keySet(), outerFolds);
        List<Choice> choices = new ArrayList<>();
        List<Scored> endToEnd = new ArrayList<>();
        List<Scored> goldEntities = new ArrayList<>();
        for (int k = 0; k < outerFolds; k++) {
            Map<String, Set<String>> trainGold = Folds.restrict(gold, folds.pmidsOutside(k));
            List<Example> train = folds.outside(examples, Example::pmid, k);
            Choice choice = choose(train, trainGold);
            Fitted model = fit(train, choice);
            choices.add(choice);
            for (Example e : folds.in(examples, Example::pmid, k)) {
                endToEnd.add(new Scored(e, model.score(e.features()), k));
            }
            for (Example e : folds.in(goldEntityExamples, Example::pmid, k)) {
                goldEntities.add(new Scored(e, model.score(e.features()), k));
            }
            System.err.printf(java.util.Locale.ROOT, "outer fold %d: %s%n", k, choice);
        }
        return new Outcome(folds, choices, endToEnd, goldEntities);
    }

    /** The intercept first, then each weighted feature: the summation order the shipped models were fitted with. */
    private static double logOdds(Fitted f, double[] x) {
        double z = f.intercept();
        for (int i = 0; i < x.length; i++) {
            z += f.weights()[i] * x[i];
        }
        return z;
    }

    /** Scale and shift of the log-odds: a one-feature logistic regression of the label on them, unregularised. */
    private double[] platt(List<Example> examples, double[] logOdds) {
        Fitted f = trainer.fit(oneFeature(examples, logOdds), 0.0);
        return new double[] {f.weights()[0], f.intercept()};
    }

    /** The examples with one feature: their calibrated score. */
    private static List<Example> withScores(List<Example> examples, double[] logOdds, double[] platt) {
        double[] p = new double[logOdds.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = RelationModel.logistic(new double[] {platt[0]}, platt[1], new double[] {logOdds[i]});
        }
        return oneFeature(examples, p);
    }

    /** The examples with {@code values} as their only feature. */
    private static List<Example> oneFeature(List<Example> examples, double[] values) {
        List<Example> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            out.add(new Example(e.pmid(), e.geneId(), e.diseaseId(), e.species(), new double[] {values[i]}, e.goldType()));
        }
        return out;
    }

    /** The lowest threshold whose pooled precision reaches {@link #HIGH_PRECISION} on enough pairs; the highest of the grid if none does. */
    private static double highPrecisionThreshold(List<Example> scored, Map<String, Set<String>> gold) {
        for (double t : RelationTrainer.THRESHOLDS) {
            SetScores s = RelationTrainer.pairScores(scored, gold, x -> x[0], t);
            if (s.tp() + s.fp() >= HIGH_PRECISION_MIN_PAIRS && s.precision() >= HIGH_PRECISION) {
                return t;
            }
        }
        return RelationTrainer.THRESHOLDS[RelationTrainer.THRESHOLDS.length - 1];
    }
}
