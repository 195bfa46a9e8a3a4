package org.geneassoc.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Run by {@link ExactCountsTest} in a JVM of its own, whose Spark (local[2,2]) retries a failed task: counts
 * 1,000 rows in 4 partitions with a run's counter while the first attempt of partition 2's task fails at its 200th
 * row, after the counter has seen them, then reads the counted rows a second time (Spark computes them again).
 * Prints the run's count and Spark's failed-task count.
 */
public final class RetriedTasks {
    /** Rows each task attempt has seen (local mode: one JVM). */
    private static final java.util.concurrent.ConcurrentHashMap<Long, Integer> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private RetriedTasks() {
    }

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master(args[0]).appName("retried-tasks").config("spark.ui.enabled", "false").getOrCreate();
        StructType schema = new StructType().add("n", DataTypes.IntegerType, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(RowFactory.create(i));
        }
        RunMetrics metrics = RunMetrics.register(spark.sparkContext());
        Dataset<Row> counted = metrics.counter(RunMetrics.Counter.RECORDS).transform(spark.createDataFrame(rows, schema).repartition(4));
        Dataset<Row> failingOnce = counted.map((MapFunction<Row, Row>) r -> {
            TaskContext t = TaskContext.get();
            if (t.partitionId() == 2 && t.attemptNumber() == 0 && SEEN.merge(t.taskAttemptId(), 1, Integer::sum) == 200) {
                throw new IllegalStateException("forced failure of the first attempt of partition 2");
            }
            return r;
        }, Encoders.row(schema));
        FailedTasks listener = new FailedTasks();
        spark.sparkContext().addSparkListener(listener);
        long first = failingOnce.count();
        long second = counted.count();
        spark.sparkContext().listenerBus().waitUntilEmpty();
        System.out.println("rows=" + first + "," + second + " counted=" + metrics.count(RunMetrics.Counter.RECORDS)
                + " failedTasks=" + listener.failed);
        spark.stop();
    }

    /** Counts the task attempts that failed. */
    private static final class FailedTasks extends org.apache.spark.scheduler.SparkListener {
        volatile int failed;

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
                failed++;
            }
        }
    }
}
