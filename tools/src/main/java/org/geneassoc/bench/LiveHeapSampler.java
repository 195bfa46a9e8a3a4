package org.geneassoc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap's live set while a run goes on: every interval a full collection, then the heap in use.
 * Peak heap occupancy alone mixes live data with garbage G1 has not yet collected, and a longer run
 * simply gives G1 more room to defer; the live set is what would grow if the job retained data per
 * record. The collections cost time, so the benchmark samples a run it does not time.
 */
final class LiveHeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakBytes;
    private volatile int samples;

    LiveHeapSampler(long intervalMillis) {
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }, "live-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void sample() {
        System.gc();
        peakBytes = Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
        samples++;
    }

    double peakMb() {
        return peakBytes / 1048576.0;
    }

    int samples() {
        return samples;
    }

    /** Stops sampling after one last sample, so even a short run has one. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        sample();
    }
}
