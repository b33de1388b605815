package dev.reelbot.core;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a transition with compare-and-set: when another writer changed the job first, the transition is applied
 * again to the fresh job, and when it no longer applies (the job moved on) the fresh job is returned unchanged.
 * Also the one place job events are logged, one line each with job, platform, channel and user.
 */
final class JobUpdates {
    private static final Logger log = LoggerFactory.getLogger("dev.reelbot.jobs");
    private static final int ATTEMPTS = 5;

    private final JobStore store;

    JobUpdates(JobStore store) {
        this.store = store;
    }

    /** Applies {@code change}; returns the job as stored afterwards. */
    Job apply(Job job, UnaryOperator<Job> change) {
        Job current = job;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Job next;
            try {
                next = change.apply(current);
            } catch (IllegalStateException movedOn) {
                log.debug("job={} change no longer applies: {}", current.id(), movedOn.getMessage());
                return current;
            }
            Optional<Job> stored = store.compareAndSet(next);
            if (stored.isPresent()) {
                return stored.get();
            }
            Optional<Job> fresh = store.find(current.id());
            if (fresh.isEmpty()) {
                throw new IllegalStateException("job " + current.id() + " vanished from the store");
            }
            current = fresh.get();
        }
        throw new IllegalStateException("job " + job.id() + " kept changing under us; giving up this step");
    }

    /**
     * Applies {@code change} once, as a claim: empty when the job changed since it was read or the change no
     * longer applies. Used where only the writer that made the change may act on it (posting a notice).
     */
    Optional<Job> tryApply(Job job, UnaryOperator<Job> change) {
        try {
            return store.compareAndSet(change.apply(job));
        } catch (IllegalStateException movedOn) {
            return Optional.empty();
        }
    }

    static void event(Job job, String what, Object... args) {
        if (log.isInfoEnabled()) {
            log.info(prefix(job) + what, args);
        }
    }

    static void warn(Job job, String what, Object... args) {
        log.warn(prefix(job) + what, args);
    }

    static void error(Job job, String what, Object... args) {
        log.error(prefix(job) + what, args);
    }

    private static String prefix(Job job) {
        Requester r = job.requester();
        return "job=" + job.id() + " platform=" + r.platform() + " channel=" + r.channel() + " user=" + r.user()
                + " state=" + job.state() + " ";
    }
}
