package dev.reelbot.core.engine;

import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.billing.BudgetWatch;
import dev.reelbot.core.billing.Pricing;
import dev.reelbot.core.billing.Months;
import dev.reelbot.core.command.CommandError;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobIds;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.StoreException;
import dev.reelbot.core.queue.CapacityQueue;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.core.text.Msg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accepts new jobs (deduplicated, within quota, persisted before anything is sent) and resumes unfinished ones at
 * start-up. Accepting only writes a row and wakes the poller, so an adapter can acknowledge within its platform's
 * three seconds; the create request itself is sent by the worker that steps the job.
 *
 * <p>Threading: thread-safe; concurrent commands of one user are kept within quota by the store's single write.
 */
final class JobService {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration RESUME_SPREAD = Duration.ofSeconds(10);

    private final JobStore store;
    private final Poller poller;
    private final Quotas quotas;
    private final Clock clock;
    private final PendingSubmissions pending;
    private final Pricing pricing;
    private final BudgetWatch budgets;
    private final CapacityQueue queue;
    private final LeaseKeeper leases;

    JobService(JobStore store, Poller poller, Quotas quotas, Clock clock, PendingSubmissions pending, Pricing pricing,
               BudgetWatch budgets, CapacityQueue queue, LeaseKeeper leases) {
        this.store = store;
        this.poller = poller;
        this.quotas = quotas;
        this.clock = clock;
        this.pending = pending;
        this.leases = leases;
        this.pricing = pricing;
        this.budgets = budgets;
        this.queue = queue;
    }

    /** The job a command started, and whether this call started it (false for a retried delivery). */
    record Accepted(Job job, boolean isNew) {
    }

    /**
     * Accepts a job, or finds the one a previous delivery of the same command created. Accepting is one short
     * write (the quota check is part of it) and a wake-up of the poller: nothing else stands between a command and
     * its answer. A refusal then reads what the refusal must explain.
     *
     * @throws CommandError   when a quota or a budget refuses it
     * @throws StoreException when the store failed or is too busy to answer in time: nothing was accepted
     */
    Accepted accept(Requester requester, VideoRequest request, String requestKey) throws CommandError {
        Instant now = clock.instant();
        VideoRequest identified = request.toBuilder().endUser(endUser(requester)).build();
        Money price = pricing.of(identified).orElse(null);
        Job job = Job.submitting(JobIds.next(), requestKey, requester, identified, price, now);
        try {
            if (!insert(job, now)) {
                Optional<Job> retried = store.findByRequestKey(requestKey);
                if (retried.isPresent()) {
                    return new Accepted(adopted(retried.get()), false);
                }
                throw refusal(requester, price, now);
            }
        } catch (JobStore.DuplicateRequestException retried) {
            return new Accepted(adopted(retried.existing()), false);
        }
        JobUpdates.event(job, "accepted: {}{}", identified.model(), price == null ? "" : " at " + price.format());
        pending.accepted();
        queue.changed();
        if (!leases.take(job) || !poller.trackNew(job.id(), now)) {
            pending.done();
        }
        budgets.accepted(job, now);
        return new Accepted(job, true);
    }

    /**
     * Writes the job if the quota allows it. A store that reports a failure may have written it anyway: then it
     * counts as written.
     */
    private boolean insert(Job job, Instant now) throws JobStore.DuplicateRequestException {
        try {
            Requester where = job.requester();
            return store.insertWithinQuota(job, new Admission(quotas, now.minus(DAY), Months.start(now),
                    budgets.channelLimit(where).orElse(null), budgets.workspaceLimit(where).orElse(null)));
        } catch (StoreException e) {
            Optional<Job> written;
            try {
                written = store.findByRequestKey(job.requestKey()).filter(j -> j.id().equals(job.id()));
            } catch (StoreException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (written.isEmpty()) {
                throw e;
            }
            JobUpdates.warn(job, "the store reported a failed insert, but the job was written: {}", e.getMessage());
            return true;
        }
    }

    /**
     * A job an earlier delivery of the same command created: if its accept failed after the row was written, the
     * poller does not know it yet, and it is tracked now, so the job is not left waiting for a restart (unless
     * another instance holds it: that one steps it).
     */
    private Job adopted(Job job) {
        if (!job.isSettled() && leases.take(job)) {
            track(job, clock.instant());
        }
        return job;
    }

    /**
     * Why a quota or a budget refused a job, read after the refusal; a job that was sent or finished meanwhile makes
     * room again.
     */
    private CommandError refusal(Requester requester, Money price, Instant now) {
        int waiting = store.countUnsent(requester.platform(), requester.user());
        if (waiting >= quotas.queuedPerUser()) {
            return new CommandError(Msg.of("quota.waiting", waiting));
        }
        List<Instant> billed = store.billedSince(requester.platform(), requester.user(), now.minus(DAY));
        if (billed.size() >= quotas.perUserPerDay()) {
            Instant free = billed.get(billed.size() - quotas.perUserPerDay()).plus(DAY);
            return new CommandError(Msg.of("quota.daily", billed.size(), free));
        }
        Optional<Msg> overBudget = budgets.refusal(requester, price, now);
        if (overBudget.isPresent()) {
            return new CommandError(overBudget.get());
        }
        return new CommandError(Msg.of("quota.race"));
    }

    /**
     * Resumes every unfinished job (with instances sharing the store: every one no live instance holds). A job
     * never sent is sent now; one found {@code SENDING} (the bot stopped while sending it) is judged outcome-unknown
     * by its first step.
     */
    int resume() {
        if (leases.shared()) {
            return leases.beat();
        }
        List<Job> unsettled = store.unsettled();
        resume(unsettled);
        return unsettled.size();
    }

    /**
     * Tracks unfinished jobs found in the store (at start-up, or claimed from an instance that died): the poller
     * picks each up within a few seconds, spread, so many jobs are not polled all at once.
     */
    void resume(List<Job> unsettled) {
        Instant now = clock.instant();
        long spread = Math.min(RESUME_SPREAD.toMillis(), unsettled.size() * 20L);
        for (Job job : unsettled) {
            long delay = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread);
            track(job, now.plusMillis(delay));
        }
    }

    /**
     * Tracks the job; one never sent nor queued is counted first, so a stop waits for it (see PendingSubmissions);
     * one waiting in the queue does not hold up a stop: it waits for its turn after the next start.
     */
    private void track(Job job, Instant due) {
        boolean unsent = job.state() == JobState.SUBMITTING;
        if (unsent) {
            pending.accepted();
        }
        if (!poller.trackResumed(job, due) && unsent) {
            pending.done();
        }
    }

    /** An opaque, stable id of the requester for the API's abuse monitoring: never their platform id itself. */
    static String endUser(Requester requester) {
        return "reelbot-" + Fingerprint.sha256Hex(requester.platform() + ":" + requester.workspace() + ":"
                + requester.user(), 8);
    }
}
