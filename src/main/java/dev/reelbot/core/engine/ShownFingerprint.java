package dev.reelbot.core.engine;

import dev.reelbot.core.JobView;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.core.render.WaitingPlace;
import java.util.Objects;

/**
 * The fingerprint of what a job's message would show ({@link Fingerprint}: everything but the elapsed time), kept
 * with the copy of the job and the place in line it was made from. A job's steps ask several times whether its
 * message is due (after a poll, before the next step is planned); rendering it each time to find out was a tenth of
 * the bot's CPU with thousands of jobs running. The job copies are immutable, so the same copy in the same place
 * shows the same thing; the view is kept too, so the edit that shows it only brings its elapsed time up to date.
 *
 * <p>Threading: like {@link Tracked}, touched only by the worker stepping the job.
 */
final class ShownFingerprint {
    private Job job;
    private WaitingPlace place;
    private String fingerprint;
    private JobView view;

    /** The fingerprint kept for {@code job} in {@code place} ({@code null} when not waiting), or {@code null}. */
    String of(Job job, WaitingPlace place) {
        return job == this.job && Objects.equals(place, this.place) ? fingerprint : null;
    }

    /** The view the fingerprint was made from (its elapsed time as it was then). */
    JobView view() {
        return view;
    }

    void keep(Job job, WaitingPlace place, JobView view, String fingerprint) {
        this.job = job;
        this.place = place;
        this.view = view;
        this.fingerprint = fingerprint;
    }
}
