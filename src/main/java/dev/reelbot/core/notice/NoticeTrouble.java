package dev.reelbot.core.notice;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.text.HumanFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin notices (refund and delivery notices) that cannot be posted (or updated) right now, and why: the
 * admin channel's trouble, for {@code /healthz}. Each is retried by its job's steps until it gets through; it is
 * listed here until then.
 *
 * <p>Threading: thread-safe; written by the workers stepping jobs, read by health checks.
 */
public final class NoticeTrouble {
    private record Failing(String platform, String what, String reason, Instant since) {
    }

    private final Map<String, Failing> byJob = new ConcurrentHashMap<>();

    /** @param what the notice, e.g. "refund notice" */
    void failed(Job job, String what, String reason, Instant now) {
        byJob.merge(job.id(), new Failing(job.requester().platform(), what, reason, now),
                (earlier, latest) -> new Failing(latest.platform(), latest.what(), latest.reason(), earlier.since()));
    }

    /** The job's notice got through, or no longer needs to. */
    void cleared(String jobId) {
        byJob.remove(jobId);
    }

    /** Empty while every notice gets through; else what is wrong, for operators. */
    public Optional<String> problem() {
        Optional<Failing> oldest = byJob.values().stream().min(Comparator.comparing(Failing::since));
        long kinds = byJob.values().stream().map(Failing::what).distinct().count();
        return oldest.map(f -> byJob.size() + " " + (kinds == 1 ? f.what() : "admin notice")
                + (byJob.size() == 1 ? "" : "s") + " cannot reach the admin channel (" + f.platform() + ": "
                + f.reason() + ") since " + HumanFormat.when(f.since()) + "; retrying");
    }
}
