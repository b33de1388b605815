package dev.reelbot.core.engine;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's side of {@link JobLeases}: which jobs it holds, a heartbeat that renews them, lets go of the ones
 * another instance took over and claims the ones whose holder died, in batches. With {@link JobLeases#SOLE} (one
 * process owns the store) every job is its own and nothing runs.
 *
 * <p>Threading: {@link #keep()} runs on the shared scheduler (or a test's thread); {@link #take} on the threads
 * that accept commands. {@code held} is a concurrent set; {@code keep} reads a copy taken before it renews, so a job
 * taken meanwhile is never mistaken for one lost.
 */
final class LeaseKeeper {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    /** The most jobs one heartbeat claims: the others are left for the other instances and the next beat. */
    static final int CLAIM_BATCH = 50;
    private static final Duration MIN_BEAT = Duration.ofMillis(100);

    private final JobLeases leases;
    private final JobStore store;
    private final Clock clock;
    private final Set<String> platforms;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Consumer<List<Job>> adopt;
    private final Consumer<String> forget;
    private ScheduledFuture<?> beating;
    /** When the leases were last renewed; past a lease without renewal, the others may hold every job of ours. */
    private volatile Instant renewedAt;

    /**
     * @param platforms the chat platforms this instance reaches: it claims only their jobs
     * @param adopt     starts stepping jobs this instance now holds (claimed ones are resumed as after a restart)
     * @param forget    stops stepping a job another instance took over
     */
    LeaseKeeper(JobLeases leases, JobStore store, Clock clock, Set<String> platforms, Consumer<List<Job>> adopt,
                Consumer<String> forget) {
        this.leases = leases;
        this.store = store;
        this.clock = clock;
        this.platforms = Set.copyOf(platforms);
        this.adopt = adopt;
        this.forget = forget;
    }

    /** Whether other instances share the store, so jobs are stepped only under a lease. */
    boolean shared() {
        return leases != JobLeases.SOLE;
    }

    /** Whether this instance holds the job's lease, so it steps (and may send) it; every job, without leases. */
    boolean holds(String jobId) {
        return !shared() || held.contains(jobId);
    }

    /**
     * Takes the lease of a job this instance is about to step (just accepted, found by a retried command, or given
     * work again by an admin); false when another live instance holds it, when this instance does not reach the
     * job's platform, or when the store did not answer (then the job is claimed by some instance once it is older
     * than a lease).
     */
    boolean take(Job job) {
        if (!shared()) {
            return true;
        }
        if (!platforms.contains(job.requester().platform())) {
            return false;
        }
        String jobId = job.id();
        try {
            if (leases.take(jobId, clock.instant())) {
                held.add(jobId);
                return true;
            }
            return false;
        } catch (StoreException e) {
            log.warn("job={} could not take its lease; an instance will claim it within {}: {}", jobId,
                    leases.ttl(), e.getMessage());
            return false;
        }
    }

    /**
     * One heartbeat: renews this instance's leases, stops stepping the jobs it lost, picks up jobs it holds but does
     * not step (an admin gave a finished one work again), and claims jobs whose holder died. Returns how many it
     * claimed.
     */
    int keep() {
        List<String> before = new ArrayList<>(held);
        Instant now = clock.instant();
        Set<String> renewed = leases.renew(now);
        renewedAt = now;
        for (String jobId : before) {
            if (!renewed.contains(jobId)) {
                held.remove(jobId);
                forget.accept(jobId);
            }
        }
        List<Job> found = new ArrayList<>();
        for (String jobId : renewed) {
            if (held.add(jobId)) {
                store.find(jobId).filter(job -> !job.isSettled()).ifPresent(found::add);
            }
        }
        List<Job> claimed = leases.claim(clock.instant(), CLAIM_BATCH, platforms);
        claimed.forEach(job -> held.add(job.id()));
        if (!claimed.isEmpty()) {
            log.info("claimed {} jobs no live instance held (instance {})", claimed.size(), leases.owner());
        }
        found.addAll(claimed);
        adopt.accept(found);
        return claimed.size();
    }

    /** Beats on the shared scheduler, five times per lease, so a lease survives a few missed beats. */
    synchronized void start(ScheduledExecutorService scheduler) {
        if (shared() && beating == null) {
            long period = Math.max(MIN_BEAT.toMillis(), leases.ttl().toMillis() / 5);
            beating = scheduler.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the heartbeat and gives every lease up, so the other instances take the jobs over at once. */
    synchronized void release() {
        if (beating != null) {
            beating.cancel(false);
            beating = null;
        }
        if (shared()) {
            leases.releaseAll();
            held.clear();
        }
    }

    /**
     * One beat (see {@link #keep}), returning how many jobs it claimed; a failure is logged and the next beat tries
     * again. Once no beat has renewed the leases for a whole lease (the database out of reach), the other instances
     * may have taken every job over: this one stops stepping them, and picks back up at its next successful beat
     * those nobody took.
     */
    int beat() {
        try {
            return keep();
        } catch (RuntimeException | Error e) {
            log.error("lease heartbeat failed; the next beat will try again (leases last {})", leases.ttl(), e);
            Instant last = renewedAt;
            if (last != null && !held.isEmpty() && clock.instant().isAfter(last.plus(leases.ttl()))) {
                log.warn("no lease renewed for {}: stepping none of this instance's {} jobs until a beat succeeds",
                        leases.ttl(), held.size());
                for (String jobId : new ArrayList<>(held)) {
                    held.remove(jobId);
                    forget.accept(jobId);
                }
            }
            return 0;
        }
    }
}
