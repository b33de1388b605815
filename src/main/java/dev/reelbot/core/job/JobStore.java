package dev.reelbot.core.job;

import dev.reelbot.core.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where jobs live, as a port: plain operations a SQL table can answer, so SQLite and PostgreSQL stores can both
 * implement it. Every change is a compare-and-set on the job's version.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface JobStore {

    /**
     * Writes a new job in one short write, unless its requester already has {@code quotas.queuedPerUser()} jobs
     * waiting to be sent or {@code quotas.perUserPerDay()} billed jobs created since {@code dayStart}, or its price
     * would take its channel's or workspace's spend this month past the budget: the checks and the write are
     * atomic, so two commands at once cannot both pass (one statement on SQLite's single writer; a store with
     * concurrent writers must lock per user and per budget). Waits for the store only briefly (well under a chat
     * platform's three seconds), so a command is always answered in time.
     *
     * @return whether it was written; {@code false} when a quota or a budget refused it
     * @throws DuplicateRequestException when a job with the same request key exists: a retried command
     * @throws StoreException            when the store failed or did not answer in time
     */
    boolean insertWithinQuota(Job job, Admission admission) throws DuplicateRequestException;

    Optional<Job> find(String jobId);

    Optional<Job> findByRequestKey(String requestKey);

    /**
     * Writes {@code next} if the stored row still has {@code next.version()}; returns the stored job (version
     * incremented), or empty when another writer got there first.
     */
    Optional<Job> compareAndSet(Job next);

    /**
     * Writes {@code next} (a job being marked {@code SENDING}) like {@link #compareAndSet}, but only while fewer than
     * {@code limits.inFlight()} other jobs are in flight at the video API ({@code SENDING}, {@code QUEUED} or
     * {@code RUNNING}) and fewer than {@code limits.perRequester()} of them are its requester's: the count and the
     * write are atomic against every writer of the store (one statement on SQLite's single writer, under one
     * store-wide lock where writers are concurrent), so instances sharing the store never exceed the limits.
     *
     * @return the stored job, or empty when another writer changed it first or there is no room
     */
    Optional<Job> compareAndSetWithin(Job next, SendLimits limits);

    /** Every job with work left (see {@link Job#isSettled()}). */
    List<Job> unsettled();

    /** The most recent jobs of one user on one platform, newest first. */
    List<Job> recentJobs(String platform, String user, int limit);

    /** How many of the user's jobs are waiting to be sent ({@code SUBMITTING} or {@code WAITING}). */
    int countUnsent(String platform, String user);

    /** The user's jobs created at or after {@code since}, oldest first (for {@code usage}). */
    List<Job> jobsOf(String platform, String user, Instant since);

    /** Every job created at or after {@code since}, oldest first (for the admins' usage reports). */
    List<Job> createdSince(Instant since);

    /**
     * What a channel (or, with {@code channel} {@code null}, a whole workspace) has spent or committed since
     * {@code since} in {@code currency}: the prices of its jobs that were not rejected or cancelled.
     */
    Money spentSince(String platform, String workspace, String channel, Instant since, String currency);

    /**
     * Every job waiting to be sent or being sent ({@code SUBMITTING}, {@code WAITING}, {@code SENDING}), for the
     * capacity queue (light rows).
     */
    List<QueueEntry> line();

    /**
     * How many jobs each requester has at the video API ({@code QUEUED}, {@code RUNNING}), by
     * {@link QueueEntry#requester(String, String)}: what the capacity queue counts on every pass, without reading
     * the jobs.
     */
    Map<String, Integer> atApiByRequester();

    /** Every job at the video API ({@code QUEUED}, {@code RUNNING}), for the capacity queue's wait estimates. */
    List<QueueEntry> atApi();

    /** How long the video API took on average, by model, over jobs completed since {@code since}. */
    Map<String, Duration> runTimes(Instant since);

    /**
     * Marks {@code key} as done once: true for the one call that made the mark, false ever after (a budget alert is
     * claimed this way, so the admins hear it once whatever restarts or overlaps).
     */
    boolean claimOnce(String key, Instant now);

    /** The user's billed jobs created at or after {@code since}, oldest first (for the rolling daily quota). */
    List<Instant> billedSince(String platform, String user, Instant since);

    /** Refund cases not yet resolved, oldest first. */
    List<Job> openRefunds();

    /** How many jobs are in each state (states with none are absent). */
    Map<JobState, Integer> countByState();

    /**
     * The learned finish times: the {@code perKind} latest submitted samples of each model and requested duration,
     * earliest submitted first, whichever instance learned them.
     */
    List<FinishSample> finishSamples(int perKind);

    /**
     * Keeps samples of completed jobs (a job's sample kept already is left as it is, so instances sharing a database
     * may save at once), and drops all but the latest submitted {@code keep} of each model and requested duration.
     */
    void addFinishSamples(List<FinishSample> samples, int keep);

    /** A command was delivered twice: the job it already created. */
    final class DuplicateRequestException extends Exception {
        private final transient Job existing;

        public DuplicateRequestException(Job existing) {
            super("request " + existing.requestKey() + " already created job " + existing.id());
            this.existing = existing;
        }

        public Job existing() {
            return existing;
        }
    }
}
