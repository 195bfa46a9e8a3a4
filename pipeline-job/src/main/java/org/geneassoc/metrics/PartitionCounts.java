package org.geneassoc.metrics;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * A count that a recomputed partition does not add to twice. Spark adds an accumulator's updates from
 * every successful task, so a plain counter in a transformation counts a partition again whenever Spark
 * computes it again: a stage re-run after a lost shuffle output, a speculative copy, a second action over
 * the same rows. Here each partition's count is kept apart, keyed by partition index, and two counts of
 * one partition merge to the larger; the value is their sum. A partition computes the same rows each time,
 * so the larger count is its count.
 */
public final class PartitionCounts extends AccumulatorV2<Long, Long> {
    private static final long serialVersionUID = 1L;

    private final Map<Integer, Long> byPartition = new HashMap<>();

    @Override
    public boolean isZero() {
        return byPartition.isEmpty();
    }

    @Override
    public PartitionCounts copy() {
        PartitionCounts c = new PartitionCounts();
        c.byPartition.putAll(byPartition);
        return c;
    }

    @Override
    public void reset() {
        byPartition.clear();
    }

    /** Counts {@code n} in the running task's partition (partition 0 on the driver). */
    @Override
    public void add(Long n) {
        TaskContext task = TaskContext.get();
        byPartition.merge(task == null ? 0 : task.partitionId(), n, Long::sum);
    }

    @Override
    public void merge(AccumulatorV2<Long, Long> other) {
        ((PartitionCounts) other).byPartition.forEach((p, n) -> byPartition.merge(p, n, Math::max));
    }

    @Override
    public Long value() {
        return byPartition.values().stream().mapToLong(Long::longValue).sum();
    }
}
