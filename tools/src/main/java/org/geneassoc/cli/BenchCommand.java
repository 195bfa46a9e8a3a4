package org.geneassoc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.bench.Benchmark;
import org.geneassoc.bench.MatcherBenchmark;
import org.geneassoc.bench.ReportBenchmark;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.config.JobConfig;
import org.geneassoc.config.Setting;
import org.geneassoc.job.JobArgs;
import org.geneassoc.job.JobCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--matcher", description = "Measure only the entity matcher: mentions per CPU-second on one thread over every BioRED "
            + "title and abstract and every GAD sentence in --data.")
    boolean matcher;

    @Option(names = "--data", defaultValue = "../shared/data", description = "Reference data folder for --matcher (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--report", paramLabel = "DIR", description = "Measure only the report: the JSON Lines documents of the run in DIR "
            + "copied to --documents with distinct pmids, in --cohorts of distinct genes; seconds and megabytes.")
    Path report;

    @Option(names = "--documents", defaultValue = "100000", description = "Documents for --report (default: ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--cohorts", defaultValue = "100", description = "Cohorts of distinct genes for --report (default: ${DEFAULT-VALUE}).")
    int cohorts;

    @Mixin
    SparkOptions env;

    @Override
    public Integer call() throws Exception {
        if (matcher) {
            EntityMatcher m = new EntityMatcher(Vocabulary.read(env.models().localPath(ModelsFolder.VOCABULARY)));
            MatcherBenchmark.run(m, MatcherBenchmark.texts(data)).forEach((k, v) -> System.out.println(k + "=" + v));
            return 0;
        }
        if (report != null) {
            if (documents < 1 || cohorts < 1) {
                throw new IllegalArgumentException("--documents and --cohorts must be at least 1, got " + documents + " and " + cohorts);
            }
            Path work = Files.createTempDirectory("geneassoc-report");
            try {
                ReportBenchmark.run(env.session("geneassoc-bench-report"), report, documents, cohorts, work)
                        .forEach((k, v) -> System.out.println(k + "=" + v));
            } finally {
                delete(work);
            }
            return 0;
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("Input file " + input + " does not exist");
        }
        SparkSession spark = env.session("geneassoc-bench");
        Path work = Files.createTempDirectory("geneassoc-bench");
        try {
            Path in = Benchmark.replicate(input, repeat, Files.createDirectories(work.resolve("input")));
            Map<Setting, String> flags = new EnumMap<>(Setting.class);
            flags.put(Setting.INPUT, in.toString());
            flags.put(Setting.MODELS, env.models);
            JobConfig cfg = JobCommand.settings(flags, JobArgs.configFolder(null), false).build();
            System.out.println("repeat=" + repeat);
            System.out.println("runs=" + runs);
            new Benchmark(spark, cfg).run(in.resolve("copy-0.xml").toString(), in.toString(), repeat, runs, work.resolve("output"))
                    .forEach((k, v) -> System.out.println(k + "=" + v));
        } finally {
            delete(work);
        }
        return 0;
    }

    /** The benchmark's copies of the input and its outputs: tens of MB a run, of no use once the figures are printed. */
    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
