package dev.reelbot.core.job;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.Requester;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Applies a transition with compare-and-set: when another writer changed the job first, the transition is applied
 * again to the fresh job, and when it no longer applies ({@link JobMovedOn}) the fresh job is returned unchanged.
 * Any other exception from a transition is a bug: it propagates, so the step fails loudly with its stack trace.
 * Also the one place job events are logged, one line each with job, platform, channel and user.
 */
public final class JobUpdates {
    private static final Logger log = LoggerFactory.getLogger("dev.reelbot.jobs");
    private static final int ATTEMPTS = 5;

    private final JobStore store;
    private final EngineMetrics metrics;

    public JobUpdates(JobStore store, EngineMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** Applies {@code change}; returns the job as stored afterwards. */
    public Job apply(Job job, UnaryOperator<Job> change) {
        Job current = job;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Job next;
            try {
                next = change.apply(current);
            } catch (JobMovedOn movedOn) {
                log.debug("job={} change no longer applies: {}", current.id(), movedOn.getMessage());
                return current;
            }
            Optional<Job> stored = store.compareAndSet(next);
            if (stored.isPresent()) {
                count(current, stored.get());
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
    public Optional<Job> tryApply(Job job, UnaryOperator<Job> change) {
        return tryApply(job, change, null);
    }

    /**
     * As {@link #tryApply}, and only while the jobs in flight at the video API leave room for this one (see
     * {@link JobStore#compareAndSetWithin}): how a job is marked {@code SENDING}.
     */
    public Optional<Job> tryApplyWithin(Job job, UnaryOperator<Job> change, SendLimits limits) {
        return tryApply(job, change, limits);
    }

    private Optional<Job> tryApply(Job job, UnaryOperator<Job> change, SendLimits limits) {
        try {
            Job next = change.apply(job);
            Optional<Job> stored = limits == null ? store.compareAndSet(next) : store.compareAndSetWithin(next, limits);
            stored.ifPresent(written -> count(job, written));
            return stored;
        } catch (JobMovedOn movedOn) {
            return Optional.empty();
        }
    }

    /**
     * Counts what a change means once, as it is written (only the write that made it is counted): a job that just
     * became a refund case is a failure, by its code; a job that was just billed (or maybe billed: outcome unknown)
     * adds its price to the spend; a delivery that just ended counts by how.
     */
    private void count(Job before, Job after) {
        if (before.refund().state() == RefundState.NONE && after.refund().state() == RefundState.NEEDED) {
            metrics.jobFailed(after.failure() == null ? "unknown" : after.failure().code());
        }
        if (!before.state().isBilled() && after.state().isBilled() && after.price() != null) {
            metrics.spent(after.request().model(), after.price().amount());
        }
        if (before.delivery().state() == DeliveryState.PENDING && after.delivery().state().isDone()) {
            metrics.delivered(switch (after.delivery().state()) {
                case UPLOADED -> "uploaded";
                case TRANSCODED -> "transcoded";
                case LINKED -> "linked";
                default -> "failed";
            });
        }
    }

    public static void event(Job job, String what, Object... args) {
        log(job, log.atInfo(), what, args);
    }

    public static void warn(Job job, String what, Object... args) {
        log(job, log.atWarn(), what, args);
    }

    public static void error(Job job, String what, Object... args) {
        log(job, log.atError(), what, args);
    }

    /** One line per job event, with the job, platform, channel and user as key-value pairs (fields in JSON). */
    private static void log(Job job, LoggingEventBuilder line, String what, Object... args) {
        Requester r = job.requester();
        line.addKeyValue("job", job.id()).addKeyValue("platform", r.platform()).addKeyValue("channel", r.channel())
                .addKeyValue("user", r.user()).addKeyValue("state", job.state()).log(what, args);
    }
}
