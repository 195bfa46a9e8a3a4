package org.geneassoc.metrics;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * A count that a recomputed partition does not add to twice. Spark adds an accumulator's updates from every
 * successful task, so a plain counter in a transformation counts a partition again whenever Spark computes it
 * again: a stage re-run after a lost shuffle output, a speculative copy, a second action over the same rows.
 * Here each counted dataset takes a {@link #newSlot() slot}, each slot keeps one count per partition, and two
 * counts of one slot's partition merge to the larger: a partition computes the same rows each time, so the
 * larger count is its count. The value is the sum over every slot and partition.
 */
public final class PartitionCounts extends AccumulatorV2<PartitionCounts.Count, Long> {
    private static final long serialVersionUID = 1L;

    /** {@code n} more in the running task's partition of the dataset counted in {@code slot}. */
    public record Count(long slot, long n) implements Serializable {
    }

    private record Key(long slot, int partition) implements Serializable {
    }

    private final Map<Key, Long> counts = new HashMap<>();
    private long nextSlot;

    /** A new count, registered with Spark under {@code name} (the name the Spark UI shows). */
    public static PartitionCounts register(SparkContext sc, String name) {
        PartitionCounts c = new PartitionCounts();
        sc.register(c, name);
        return c;
    }

    /** A slot for one dataset's counts; called on the driver, where the counted dataset is built. */
    public synchronized long newSlot() {
        return nextSlot++;
    }

    @Override
    public boolean isZero() {
        return counts.isEmpty();
    }

    @Override
    public PartitionCounts copy() {
        PartitionCounts c = new PartitionCounts();
        c.counts.putAll(counts);
        return c;
    }

    @Override
    public void reset() {
        counts.clear();
    }

    /** Counts in the running task's partition (partition 0 on the driver). */
    @Override
    public void add(Count c) {
        TaskContext task = TaskContext.get();
        counts.merge(new Key(c.slot(), task == null ? 0 : task.partitionId()), c.n(), Long::sum);
    }

    @Override
    public void merge(AccumulatorV2<Count, Long> other) {
        ((PartitionCounts) other).counts.forEach((k, n) -> counts.merge(k, n, Math::max));
    }

    @Override
    public Long value() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
