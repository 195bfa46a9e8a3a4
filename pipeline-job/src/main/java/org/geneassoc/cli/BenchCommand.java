package org.geneassoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.bench.Benchmark;
import org.geneassoc.config.JobConfig;
import org.geneassoc.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code geneassoc bench}: throughput of encoder, classifier stage and job on one input; one name=value line each. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure encoder ceiling, classifier stage and whole-job throughput on the same sentences and threads.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--input", defaultValue = "../shared/data/europepmc/biored-train.xml",
            description = "Europe PMC XML input (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--repeat", defaultValue = "1", description = "Run on N copies of the input with distinct pmids (default: 1).")
    int repeat;

    @Option(names = "--runs", defaultValue = "3",
            description = "Timed runs of the job, alternating with measurements of the ceiling; medians are reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--models", description = "Models root (default: the built model-assets/target/models).")
    String models;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("Input file " + input + " does not exist");
        }
        SparkSession spark = Sessions.getOrCreate("geneassoc-bench", master);
        Path work = Files.createTempDirectory("geneassoc-bench");
        Path in = Benchmark.replicate(input, repeat, Files.createDirectories(work.resolve("input")));
        Map<String, String> flags = new HashMap<>();
        flags.put("input", in.toString());
        flags.put("models", models);
        JobConfig cfg = RunCommand.settings(null, flags).build();
        System.out.println("repeat=" + repeat);
        System.out.println("runs=" + runs);
        new Benchmark(spark, cfg).run(in.resolve("copy-0.xml").toString(), in.toString(), repeat, runs, work.resolve("output"))
                .forEach((k, v) -> System.out.println(k + "=" + v));
        return 0;
    }
}
