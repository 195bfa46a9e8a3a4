package org.geneassoc.cli;

import java.io.PrintStream;
import org.geneassoc.documents.RowCounter;
import org.geneassoc.job.GdaJob;
import org.geneassoc.job.GdaPipeline;

/** A one-line progress display on the terminal (stderr), refreshed every second while a run goes on. */
final class Progress implements AutoCloseable {
    private final Thread thread;
    private final long start = System.nanoTime();
    private final PrintStream out;
    private volatile boolean running = true;

    private Progress(PrintStream out) {
        this.out = out;
        this.thread = new Thread(this::loop, "geneassoc-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Shows progress only where someone watches: on a terminal. */
    static AutoCloseable startIfTerminal() {
        return System.console() != null ? new Progress(System.err) : () -> { };
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
        long abstracts = RowCounter.count(GdaPipeline.ABSTRACTS);
        String stage = abstracts == 0 ? "reading" : RowCounter.count(GdaPipeline.DOCUMENTS) > 0 ? "writing" : "scoring";
        return String.format("[%4ds] %-7s records %d | abstracts %d, screened %d, in %d | sentences %d | scored %d | GDA %d   ",
                (System.nanoTime() - start) / 1_000_000_000L, stage, RowCounter.count(GdaJob.RECORDS), abstracts,
                RowCounter.count(GdaPipeline.ABSTRACTS_SCREENED),
                RowCounter.count(GdaPipeline.ABSTRACTS_SCREENED_IN), RowCounter.count(GdaPipeline.SENTENCES),
                RowCounter.count(GdaPipeline.PREMISES_SCORED), RowCounter.count(GdaPipeline.GDA_ENTRIES));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        out.println("\r" + line());
    }
}
