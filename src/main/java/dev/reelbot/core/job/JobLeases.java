package dev.reelbot.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which instance steps which job, when several share one store: each holds a lease on the jobs it steps (its id and
 * an expiry), renews them with a heartbeat, and takes over those whose holder stopped renewing. The compare-and-set
 * on a job's version stays the final guard: a lease only keeps two instances from working on one job at once. A
 * store that is one process's own (SQLite) has no leases: {@link #SOLE}.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface JobLeases {

    /** The only instance: every job is its own, so nothing is claimed, renewed or released. */
    JobLeases SOLE = new JobLeases() {
        @Override
        public List<Job> claim(Instant now, int max, Set<String> platforms) {
            return List.of();
        }

        @Override
        public boolean take(String jobId, Instant now) {
            return true;
        }

        @Override
        public Set<String> renew(Instant now) {
            return Set.of();
        }

        @Override
        public void releaseAll() {
        }

        @Override
        public int heartbeat(Instant now) {
            return 1;
        }

        @Override
        public String owner() {
            return "sole";
        }

        @Override
        public Duration ttl() {
            return Duration.ZERO;
        }
    };

    /**
     * Takes, for this instance until {@code now + ttl()}, at most {@code max} unsettled jobs that no instance holds
     * any more (expired, released, or never taken by the instance that accepted them), oldest first, skipping those
     * another instance is claiming at the same moment; only jobs of {@code platforms}, the chat platforms this
     * instance can reach (a job is stepped where its messages can be edited). Returns them as stored.
     */
    List<Job> claim(Instant now, int max, Set<String> platforms);

    /**
     * Takes one job for this instance: one it just accepted, or one an admin gave work again. False when another
     * instance holds a lease on it that has not expired.
     */
    boolean take(String jobId, Instant now);

    /**
     * Extends every lease this instance holds on an unsettled job to {@code now + ttl()}; returns their ids. A job
     * missing from the answer was taken over by another instance (or is settled): this one must stop stepping it.
     */
    Set<String> renew(Instant now);

    /**
     * Gives up every lease of this instance (a graceful stop), so the others take its jobs over at once, and leaves
     * the live instances.
     */
    void releaseAll();

    /**
     * Records this instance as alive at {@code now}; returns how many instances are (beat within a lease), itself
     * included, so each takes its share of the chat platforms' budgets.
     */
    int heartbeat(Instant now);

    /** This instance's id, as written in the leases. */
    String owner();

    /** How long a lease lasts without renewal. */
    Duration ttl();
}
