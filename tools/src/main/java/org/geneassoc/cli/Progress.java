package org.geneassoc.cli;

import java.io.PrintStream;
import org.geneassoc.metrics.RunMetrics;
import org.geneassoc.metrics.RunMetrics.Counter;

/** A one-line progress display on the terminal (stderr), refreshed every second while a run goes on. */
final class Progress implements AutoCloseable {
    private final Thread thread;
    private final long start = System.nanoTime();
    private final PrintStream out;
    private final RunMetrics metrics;
    private volatile boolean running = true;

    private Progress(PrintStream out, RunMetrics metrics) {
        this.out = out;
        this.metrics = metrics;
        this.thread = new Thread(this::loop, "geneassoc-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Shows progress only where someone watches: on a terminal. */
    static AutoCloseable startIfTerminal(RunMetrics metrics) {
        return System.console() != null ? new Progress(System.err, metrics) : () -> { };
    }

    private void loop() {
        while (running) {
            out.print("\r" + line());
            out.flush();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String line() {
        long abstracts = metrics.count(Counter.ABSTRACTS);
        String stage = abstracts == 0 ? "reading" : metrics.count(Counter.DOCUMENTS) > 0 ? "writing" : "scoring";
        return String.format("[%4ds] %-7s records %d | abstracts %d, screened %d, in %d | sentences %d | scored %d | pairs %d, associated %d   ",
                (System.nanoTime() - start) / 1_000_000_000L, stage, metrics.count(Counter.RECORDS), abstracts,
                metrics.count(Counter.ABSTRACTS_SCREENED), metrics.count(Counter.ABSTRACTS_SCREENED_IN),
                metrics.count(Counter.SENTENCES), metrics.count(Counter.PREMISES_SCORED), metrics.count(Counter.CANDIDATE_PAIRS),
                metrics.count(Counter.ASSOCIATIONS));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        out.println("\r" + line());
    }
}
