package org.geneassoc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geneassoc.classify.ClassifierModel;
import org.geneassoc.classify.Featurizer;
import org.geneassoc.classify.SentencePairClassifier;
import org.geneassoc.config.JobConfig;
import org.geneassoc.encoder.OnnxEncoder;
import org.geneassoc.encoder.WordPieceTokenizer;
import org.geneassoc.ingest.ArticleReader;
import org.geneassoc.job.GdaJob;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.nlp.MarkupStripper;
import org.geneassoc.nlp.SentenceExploder;
import org.geneassoc.nlp.SentenceSplitter;
import org.geneassoc.sink.RunSummary;

import static org.apache.spark.sql.functions.col;

/**
 * Throughput of the job against the machine: the bare encoder in a tight loop (the ceiling), the
 * classifier stage inside Spark, and the whole job, all on the sentences of the same input.
 */
public final class Benchmark {
    /** BGE-small: 12 layers, hidden 384, feed-forward 1536. */
    static final int LAYERS = 12;
    static final int HIDDEN = 384;
    static final int FFN = 1536;
    static final int[] BATCH_SIZES = {1, 8, 32, 64};

    private final SparkSession spark;
    private final JobConfig cfg;
    private final Map<String, String> figures = new LinkedHashMap<>();

    public Benchmark(SparkSession spark, JobConfig cfg) {
        this.spark = spark;
        this.cfg = cfg;
    }

    /** Copies of the input with pmids shifted by k × 10^9, so that de-duplication keeps every copy. */
    public static Path replicate(Path input, int repeat, Path dir) throws Exception {
        String xml = Files.readString(input, StandardCharsets.UTF_8);
        Pattern pmid = Pattern.compile("<pmid>(\\d+)</pmid>");
        for (int k = 0; k < repeat; k++) {
            long shift = k * 1_000_000_000L;
            Matcher m = pmid.matcher(xml);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, "<pmid>" + (Long.parseLong(m.group(1)) + shift) + "</pmid>");
            }
            m.appendTail(sb);
            Files.writeString(dir.resolve("copy-" + k + ".xml"), sb.toString(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** How often the live heap is sampled during a second, untimed run of the job (a full collection each time). */
    static final long LIVE_HEAP_INTERVAL_MS = 5_000;

    /**
     * Runs of the job on one copy before the timed one: the first loads the models, and the JIT keeps
     * improving after it (400 abstracts: 21.5, 21.1, 20.2, 19.6 s for runs 2 to 5). A job over
     * millions of abstracts runs warm.
     */
    static final int WARM_UP_RUNS = 3;

    /** Measurements of the ceiling and the classifier stage, alternating with the timed job runs while there are any. */
    static final int CEILING_RUNS = 3;

    /** Most sentences the ceiling and the classifier stage are timed on: enough for stable figures. */
    static final int SAMPLE = 1500;

    /**
     * @param base    one copy of the input: the sentences the encoder and classifier are timed on, and the warm-up runs
     * @param input   all copies: the timed job run
     * @param repeat  how many copies {@code input} holds
     * @param runs    timed runs of the job; the median is reported
     */
    public Map<String, String> run(String base, String input, int repeat, int runs, Path outputDir) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        put("cores", cores);
        put("cpu_model", CpuPeak.cpuModel());

        List<String> all = sentences(base);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < all.size(); i += Math.max(1, all.size() / SAMPLE)) {
            sentences.add(all.get(i));
        }
        ClassifierModel model = ClassifierModel.load(cfg.models().classifier(), 1, 32);
        OnnxEncoder encoder = OnnxEncoder.shared(cfg.models().localPath(ModelsFolder.ENCODER), 1);
        List<WordPieceTokenizer.Encoding> encodings = new ArrayList<>();
        long tokens = 0;
        for (String s : sentences) {
            WordPieceTokenizer.Encoding e = encoder.tokenizer().encode(s, Featurizer.MAX_TOKENS);
            encodings.add(e);
            tokens += e.length();
        }
        double meanTokens = (double) tokens / sentences.size();
        put("input_sentences", (long) all.size() * repeat);
        put("timed_sentences", sentences.size());
        put("mean_tokens", meanTokens);

        Path encoderDir = cfg.models().localPath(ModelsFolder.ENCODER);
        List<WordPieceTokenizer.Encoding> sorted = new ArrayList<>(encodings);
        sorted.sort(Comparator.comparingInt(WordPieceTokenizer.Encoding::length));
        Layout best = bestLayout(encoderDir, sorted, cores);
        put("encoder_best_layout", best);


        for (int i = 0; i < WARM_UP_RUNS; i++) {
            runJob(base, outputDir.resolve("warm-up-" + i));
        }
        // Ceiling, classifier stage and job alternate, and each figure is a median: this shared machine's
        // speed drifts by 15% and more over minutes, and a ratio of two single measurements taken minutes
        // apart carries that drift.
        List<Double> ceilings = new ArrayList<>();
        List<Double> classifiers = new ArrayList<>();
        List<Double> jobSeconds = new ArrayList<>();
        RunSummary s = null;
        double peakHeap = 0;
        for (int r = 0; r < Math.max(runs, CEILING_RUNS); r++) {
            ceilings.add(best.sentencesPerSecond(encoderDir, sorted));
            classifiers.add(classifier(sentences));
            if (r < runs) {
                resetPeaks();
                long t0 = System.nanoTime();
                s = runJob(input, outputDir.resolve("timed-" + r));
                jobSeconds.add((System.nanoTime() - t0) / 1e9);
                peakHeap = Math.max(peakHeap, peakHeapMb());
            }
        }
        double ceiling = median(ceilings);
        double classifier = median(classifiers);
        double seconds = median(jobSeconds);
        put("encoder_ceiling_runs_sps", ceilings);
        put("encoder_ceiling_sps", ceiling);
        put("classifier_runs_sps", classifiers);
        put("classifier_sps", classifier);
        put("job_runs_seconds", jobSeconds);
        // The live set is sampled in a run of its own: its full collections would otherwise be timed as the job's.
        LiveHeapSampler live = new LiveHeapSampler(LIVE_HEAP_INTERVAL_MS);
        try {
            runJob(input, outputDir.resolve("live-heap"));
        } finally {
            live.close();
        }
        long inputSentences = (long) all.size() * repeat;
        double jobSps = inputSentences / seconds;
        put("job_seconds", seconds);
        put("job_abstracts", s.abstracts());
        put("job_abstracts_screened", s.abstractsScreened());
        put("job_premises_scored", s.premisesScored());
        // Encoder inputs the job skipped, against screening every abstract and scoring every sentence.
        put("encoder_inputs_avoided", 1.0 - (double) (s.premisesScored() + s.abstractsScreened()) / (inputSentences + s.abstracts()));
        put("job_sps", jobSps);
        put("job_aps", s.abstracts() / seconds);
        put("classifier_vs_ceiling", classifier / ceiling);
        put("job_vs_ceiling", jobSps / ceiling);

        double flopsPerToken = LAYERS * (2.0 * (4.0 * HIDDEN * HIDDEN + 2.0 * HIDDEN * FFN) + 4.0 * meanTokens * HIDDEN);
        CpuPeak.Peak peak = CpuPeak.measure(cores);
        // The encoder's matrix products run in int8 (dynamically quantised BGE), so int8 is its peak.
        double flopLimit = peak.gopsInt8() * 1e9 / (flopsPerToken * meanTokens);
        put("encoder_mflops_per_token", flopsPerToken / 1e6);
        put("cpu_fma_per_s_per_core", peak.fmaPerSecondPerCore());
        put("cpu_peak_gflops_fp32", peak.gflopsFp32());
        put("cpu_peak_gops_int8", peak.gopsInt8());
        put("flop_limit_fp32_sps", peak.gflopsFp32() * 1e9 / (flopsPerToken * meanTokens));
        put("flop_limit_sps", flopLimit);
        put("ceiling_vs_flop_limit", ceiling / flopLimit);
        put("peak_heap_mb", peakHeap);
        put("peak_live_heap_mb", live.peakMb());
        put("live_heap_samples", live.samples());
        return figures;
    }

    /** One run of the job with its own metrics, as each run on a cluster would have. */
    private RunSummary runJob(String input, Path out) throws Exception {
        return GdaJob.run(spark, cfg.withInputAndOutput(input, out.toString()), RunMetrics.register(spark.sparkContext()));
    }

    /** Every sentence of every abstract, as the job splits them. */
    private List<String> sentences(String input) throws Exception {
        Dataset<Row> articles = ArticleReader.read(spark, input, cfg.format()).filter(col("kind").equalTo("ARTICLE"));
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new MarkupStripper().setInputCol("abstract").setOutputCol("abstract"));
        stages.addAll(List.of(SentenceSplitter.stages("abstract", "sentences")));
        stages.add(new SentenceExploder().setAnnotationsCol("sentences").setTextCol("abstract"));
        return new Pipeline().setStages(stages.toArray(new PipelineStage[0])).fit(articles).transform(articles)
                .select("sentence").as(Encoders.STRING()).collectAsList();
    }

    /**
     * How ONNX Runtime is driven in the ceiling's tight loop over length-sorted batches: {@code workers}
     * threads sharing one session of {@code sessionThreads} intra-op threads, {@code batch} inputs a call.
     */
    record Layout(int workers, int sessionThreads, int batch) {
        double sentencesPerSecond(Path encoderDir, List<WordPieceTokenizer.Encoding> sorted) throws Exception {
            OnnxEncoder enc = OnnxEncoder.shared(encoderDir, sessionThreads);
            runBatches(enc, sorted.subList(0, Math.min(256, sorted.size())), batch, workers);
            long t0 = System.nanoTime();
            runBatches(enc, sorted, batch, workers);
            return sorted.size() / ((System.nanoTime() - t0) / 1e9);
        }

        @Override
        public String toString() {
            return workers + "x" + sessionThreads + "thread" + (sessionThreads > 1 ? "s" : "") + "_batch" + batch;
        }
    }

    /**
     * The fastest way to drive the encoder on these sentences: every batch size, and two thread layouts
     * (a single-threaded session call per core, or one call using every core), each the better of two
     * passes. One pass was not enough: in one run the first layouts measured went at half speed (112–135
     * against 223 sentences/s), and the sweep picked a layout that was not the fastest.
     */
    private Layout bestLayout(Path encoderDir, List<WordPieceTokenizer.Encoding> sorted, int cores) throws Exception {
        Map<Layout, Double> fastest = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Layout layout : layouts(cores)) {
                fastest.merge(layout, layout.sentencesPerSecond(encoderDir, sorted), Math::max);
            }
        }
        fastest.forEach((layout, sps) -> put("ceiling_sps_" + layout, sps));
        return fastest.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static List<Layout> layouts(int cores) {
        List<Layout> out = new ArrayList<>();
        for (int bs : BATCH_SIZES) {
            out.add(new Layout(cores, 1, bs));
        }
        for (int bs : BATCH_SIZES) {
            out.add(new Layout(1, cores, bs));
        }
        return out;
    }

    static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void runBatches(OnnxEncoder enc, List<WordPieceTokenizer.Encoding> sorted, int bs, int workers) throws Exception {
        List<List<WordPieceTokenizer.Encoding>> batches = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += bs) {
            batches.add(sorted.subList(i, Math.min(sorted.size(), i + bs)));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                    enc.hiddenStates(batches.get(b));
                }
            });
            threads[w].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** The classifier stage alone inside Spark on the same sentences, once warm. */
    private double classifier(List<String> sentences) {
        List<Row> rows = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            rows.add(RowFactory.create(s));
        }
        Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("premise", DataTypes.StringType))
                .repartition(spark.sparkContext().defaultParallelism()).cache();
        df.count();
        SentencePairClassifier c = new SentencePairClassifier().setModelPath(cfg.models().classifier())
                .setPremiseCol("premise").setOutputCol("prediction");
        c.transform(df.limit(64)).count();
        long t0 = System.nanoTime();
        long n = c.transform(df).count();
        double sps = n / ((System.nanoTime() - t0) / 1e9);
        df.unpersist();
        return sps;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }

    private void put(String name, Object value) {
        figures.put(name, format(value));
    }

    /** Numbers with four decimals; a list of them comma-separated. */
    private static String format(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(Benchmark::format).toList());
        }
        return value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.4f", d) : String.valueOf(value);
    }
}
