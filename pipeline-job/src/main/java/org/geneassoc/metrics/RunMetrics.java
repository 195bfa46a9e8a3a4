package org.geneassoc.metrics;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * The counts of one run, in Spark accumulators registered for that run alone: two runs in one JVM (tests,
 * a notebook, the benchmark) never share or reset each other's counts. Each is a {@link PartitionCounts},
 * exact when Spark retries or recomputes a task.
 */
public final class RunMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a run counts, with the name its accumulator carries in the Spark UI. */
    public enum Counter {
        RECORDS("recordsParsed"),
        ABSTRACTS("abstracts"),
        ABSTRACTS_SCREENED("abstractsScreened"),
        ABSTRACTS_SCREENED_IN("abstractsScreenedIn"),
        SENTENCES("sentences"),
        PREMISES_SCORED("premisesScored"),
        CANDIDATE_PAIRS("candidatePairs"),
        ASSOCIATIONS("associations"),
        DOCUMENTS("documentsWritten");

        private final String accumulatorName;

        Counter(String accumulatorName) {
            this.accumulatorName = accumulatorName;
        }

        public String accumulatorName() {
            return accumulatorName;
        }
    }

    private final Map<Counter, PartitionCounts> accumulators = new EnumMap<>(Counter.class);

    private RunMetrics(SparkContext sc) {
        for (Counter c : Counter.values()) {
            accumulators.put(c, PartitionCounts.register(sc, c.accumulatorName()));
        }
    }

    /** New accumulators, at zero, for one run. */
    public static RunMetrics register(SparkContext sc) {
        return new RunMetrics(sc);
    }

    public PartitionCounts accumulator(Counter c) {
        return accumulators.get(c);
    }

    /** The driver-side count so far: the rows of every partition computed so far, each partition once. */
    public long count(Counter c) {
        return accumulators.get(c).value();
    }

    /** A stage that counts into this run's accumulator. */
    public RowCounter counter(Counter c) {
        return new RowCounter().setCounter(c.accumulatorName()).setAccumulator(accumulators.get(c));
    }
}
