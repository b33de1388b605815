package dev.reelbot.core.job;

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
     * Writes a new job in one short write, unless its requester already has {@code quotas.concurrentPerUser()} jobs
     * in progress or {@code quotas.perUserPerDay()} billed jobs created since {@code dayStart}: the check and the
     * write are atomic, so two commands at once cannot both pass (one statement on SQLite's single writer; a store
     * with concurrent writers must lock per user). Waits for the store only briefly (well under a chat platform's
     * three seconds), so a command is always answered in time.
     *
     * @return whether it was written; {@code false} when a quota refused it
     * @throws DuplicateRequestException when a job with the same request key exists: a retried command
     * @throws StoreException            when the store failed or did not answer in time
     */
    boolean insertWithinQuota(Job job, Quotas quotas, Instant dayStart) throws DuplicateRequestException;

    Optional<Job> find(String jobId);

    Optional<Job> findByRequestKey(String requestKey);

    /**
     * Writes {@code next} if the stored row still has {@code next.version()}; returns the stored job (version
     * incremented), or empty when another writer got there first.
     */
    Optional<Job> compareAndSet(Job next);

    /** Every job with work left (see {@link Job#isSettled()}). */
    List<Job> unsettled();

    /** The most recent jobs of one user on one platform, newest first. */
    List<Job> recentJobs(String platform, String user, int limit);

    /** How many of the user's jobs are in one of the non-final states. */
    int countActive(String platform, String user);

    /** The user's billed jobs created at or after {@code since}, oldest first (for the rolling daily quota). */
    List<Instant> billedSince(String platform, String user, Instant since);

    /** Refund cases not yet resolved, oldest first. */
    List<Job> openRefunds();

    /** How many jobs are in each state (states with none are absent). */
    Map<JobState, Integer> countByState();

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
