package dev.reelbot.web;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job counts for the gauges, read from the store at most once per {@code maxAge}: one scrape reads many gauges,
 * and the store should answer one query for them, not one each.
 *
 * <p>Threading: synchronized; scrapes are rare.
 */
final class StoreSnapshot {
    private static final Logger log = LoggerFactory.getLogger(StoreSnapshot.class);

    private final JobStore store;
    private final long maxAgeNanos;
    private long readAt;
    private Map<JobState, Integer> byState = Map.of();
    private int openRefunds;
    private double owed;

    StoreSnapshot(JobStore store, Duration maxAge) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
        this.readAt = System.nanoTime() - maxAgeNanos - 1;
    }

    synchronized double count(JobState state) {
        refresh();
        return byState.getOrDefault(state, 0);
    }

    synchronized double openRefunds() {
        refresh();
        return openRefunds;
    }

    /** What the open refund cases add up to (their recorded prices), as a gauge reads it. */
    synchronized double owed() {
        refresh();
        return owed;
    }

    private void refresh() {
        if (System.nanoTime() - readAt <= maxAgeNanos) {
            return;
        }
        try {
            byState = store.countByState();
            List<Job> open = store.openRefunds();
            openRefunds = open.size();
            owed = open.stream().filter(job -> job.price() != null).map(job -> job.price().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
            readAt = System.nanoTime();
        } catch (RuntimeException e) {
            log.warn("metrics could not read the job store: {}", e.toString());
        }
    }
}
