package org.geneassoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's peak, determined by measurement: eight independent scalar FMA chains per core (few enough
 * to stay in registers) give FMA instructions per second per core, i.e. clock × FMA pipes. A vector
 * instruction issues at the same rate on the same pipes and carries, on 256-bit datapaths (AVX2, and
 * AVX-512 on Zen 4), {@value #FP32_LANES} fp32 FMAs or, with VNNI, {@value #INT8_MACS} int8 multiply-adds:
 * the encoder's quantised matrix products run on the latter.
 */
final class CpuPeak {
    static final int FP32_LANES = 8;
    static final int INT8_MACS = 32;
    private static final int CHAINS = 8;

    private CpuPeak() {
    }

    record Peak(double fmaPerSecondPerCore, int cores, double gflopsFp32, double gopsInt8) {
    }

    static Peak measure(int cores) throws InterruptedException {
        double[] perThread = new double[cores];
        Thread[] threads = new Thread[cores];
        for (int t = 0; t < cores; t++) {
            int id = t;
            threads[t] = new Thread(() -> perThread[id] = fmaPerSecond());
            threads[t].start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double perCore = java.util.Arrays.stream(perThread).average().orElse(0);
        return new Peak(perCore, cores, perCore * cores * FP32_LANES * 2 / 1e9, perCore * cores * INT8_MACS * 2 / 1e9);
    }

    /** Best of five rounds after three warm-up rounds; each round is its own call so the JIT compiles the loop whole. */
    private static double fmaPerSecond() {
        double best = 0;
        float sink = 0;
        long iterations = 40_000_000;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            sink += chains(iterations);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (round >= 3) {
                best = Math.max(best, iterations * CHAINS / seconds);
            }
        }
        // Using the sums keeps the JIT from removing the loop as dead code.
        return sink == 42.4242f ? best + 1e-9 : best;
    }

    private static float chains(long iterations) {
        float a0 = 0.1f, a1 = 0.2f, a2 = 0.3f, a3 = 0.4f, a4 = 0.5f, a5 = 0.6f, a6 = 0.7f, a7 = 0.8f;
        final float m = 0.999999f, c = 1e-7f;
        for (long i = 0; i < iterations; i++) {
            a0 = Math.fma(a0, m, c); a1 = Math.fma(a1, m, c); a2 = Math.fma(a2, m, c); a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c); a5 = Math.fma(a5, m, c); a6 = Math.fma(a6, m, c); a7 = Math.fma(a7, m, c);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
