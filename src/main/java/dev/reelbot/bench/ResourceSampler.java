package dev.reelbot.bench;

import dev.reelbot.core.DaemonThreads;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Samples this JVM while the benchmark runs: heap in use, live heap after the last collection (what the jobs
 * really hold), threads, and how many jobs the engine tracks at once.
 */
final class ResourceSampler implements AutoCloseable {
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bench-sampler"));
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final IntSupplier tracked;
    private volatile long peakHeapUsed;
    private volatile long peakLiveHeap;
    private volatile int peakTracked;

    ResourceSampler(IntSupplier tracked) {
        this.tracked = tracked;
        threads.resetPeakThreadCount();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        timer.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peakHeapUsed = Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        peakLiveHeap = Math.max(peakLiveHeap, live);
        peakTracked = Math.max(peakTracked, tracked.getAsInt());
    }

    long peakHeapUsed() {
        return peakHeapUsed;
    }

    long peakLiveHeap() {
        return peakLiveHeap;
    }

    int peakThreads() {
        return threads.getPeakThreadCount();
    }

    int peakTracked() {
        return peakTracked;
    }

    @Override
    public void close() {
        sample();
        timer.shutdownNow();
    }
}
