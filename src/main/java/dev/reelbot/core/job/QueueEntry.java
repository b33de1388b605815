package dev.reelbot.core.job;

import java.time.Instant;

/**
 * One job as the capacity queue sees it: enough to order the line, count the jobs in flight and estimate waits,
 * read in one light query instead of whole jobs.
 *
 * @param jobId       the job
 * @param platform    its requester's platform
 * @param user        its requester
 * @param model       the model it asks for
 * @param state       unsent ({@code SUBMITTING}, {@code WAITING}) or in flight ({@code SENDING}, {@code QUEUED},
 *                    {@code RUNNING})
 * @param createdAt   when it was accepted: its place among its requester's jobs
 * @param submittedAt when the API accepted it, or {@code null}
 * @param bumpedAt    when an admin moved it to the front of the line, or {@code null}
 * @param leaseUntil  until when an instance holds it (several instances share the store), or {@code null}: no
 *                    instance has taken it yet, or the store is one process's own
 */
public record QueueEntry(String jobId, String platform, String user, String model, JobState state, Instant createdAt,
                         Instant submittedAt, Instant bumpedAt, Instant leaseUntil) {

    /** An entry no lease holds (a store one process owns). */
    public QueueEntry(String jobId, String platform, String user, String model, JobState state, Instant createdAt,
                      Instant submittedAt, Instant bumpedAt) {
        this(jobId, platform, user, model, state, createdAt, submittedAt, bumpedAt, null);
    }

    /** The requester, across platforms: the unit of fairness and of the per-user limit. */
    public String requester() {
        return requester(platform, user);
    }

    /** The requester {@code user} on {@code platform}, as {@link #requester()} names it. */
    public static String requester(String platform, String user) {
        return platform + ":" + user;
    }
}
