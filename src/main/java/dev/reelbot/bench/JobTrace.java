package dev.reelbot.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the benchmark saw of one job, from its command to its final message, on the bench's own clock (epoch
 * microseconds, comparable with the simulator's timeline): when it was commanded and acknowledged, when its create
 * went out (and how often, and how often the API refused it as busy), its task, its polls, and what its message showed when.
 *
 * <p>Threading: written by whichever thread the job's work runs on (client, submitter, worker); every method
 * synchronizes on the trace.
 */
final class JobTrace {
    /** A progress the message showed, and from when. */
    record Shown(long atMicros, int progress) {
    }

    private long commandedAt = -1;
    private long createSentAt = -1;
    private int creates;
    private int refusedCreates;
    private long acceptedAt = -1;
    private String taskId;
    private int polls;
    /** When each poll went out, only when the run writes timelines ({@code null} otherwise). */
    private long[] pollsAsked;
    private long seenCompletedAt = -1;
    private int posts;
    private int edits;
    private int invisibleEdits;
    private final List<Shown> shown = new ArrayList<>();
    private long finalShownAt = -1;
    private boolean finalHeld;
    private boolean showsFinal;

    /** @param keepPolls whether to keep when each poll went out, for {@link Timelines} */
    JobTrace(boolean keepPolls) {
        pollsAsked = keepPolls ? new long[16] : null;
    }

    synchronized void commanded(long at) {
        commandedAt = at;
    }

    synchronized void createSent(long at) {
        creates++;
        if (createSentAt < 0) {
            createSentAt = at;
        }
    }

    /** The API turned a create away as busy (429): the job waits in line and is sent again. */
    synchronized void createRefused() {
        refusedCreates++;
    }

    synchronized void created(long at, String task) {
        acceptedAt = at;
        taskId = task;
    }

    synchronized void polled(long asked, long at, boolean completed) {
        if (pollsAsked != null) {
            if (polls == pollsAsked.length) {
                pollsAsked = Arrays.copyOf(pollsAsked, 2 * polls);
            }
            pollsAsked[polls] = asked;
        }
        polls++;
        if (completed && seenCompletedAt < 0) {
            seenCompletedAt = at;
        }
    }

    /** The message was posted or edited to show {@code progress} (or a final view); {@code same}: nothing changed. */
    synchronized void shown(long at, boolean post, boolean same, int progress, boolean isFinal) {
        if (post) {
            posts++;
        } else {
            edits++;
            if (same) {
                invisibleEdits++;
            }
        }
        showsFinal = isFinal;
        if (isFinal) {
            if (finalShownAt < 0) {
                finalShownAt = at;
            }
        } else if (progress >= 0) {
            shown.add(new Shown(at, progress));
        }
    }

    /** A final view was held back by a rate limit (the platform's, or the adapter's to stay inside it). */
    synchronized void markFinalHeld() {
        finalHeld = true;
    }

    synchronized long commandedAt() {
        return commandedAt;
    }

    synchronized long createSentAt() {
        return createSentAt;
    }

    synchronized int creates() {
        return creates;
    }

    synchronized int refusedCreates() {
        return refusedCreates;
    }

    /** When the API accepted the create, or -1. */
    synchronized long acceptedAt() {
        return acceptedAt;
    }

    synchronized String taskId() {
        return taskId;
    }

    synchronized int polls() {
        return polls;
    }

    /** When each poll went out, in order; empty unless the trace keeps them. */
    synchronized long[] pollsAsked() {
        return pollsAsked == null ? new long[0] : Arrays.copyOf(pollsAsked, polls);
    }

    synchronized long seenCompletedAt() {
        return seenCompletedAt;
    }

    synchronized int posts() {
        return posts;
    }

    synchronized int edits() {
        return edits;
    }

    synchronized int invisibleEdits() {
        return invisibleEdits;
    }

    synchronized List<Shown> shownProgress() {
        return List.copyOf(shown);
    }

    synchronized long finalShownAt() {
        return finalShownAt;
    }

    synchronized boolean wasFinalHeld() {
        return finalHeld;
    }

    /** Whether the message was posted and its latest view is not final. */
    synchronized boolean leftInProgress() {
        return posts > 0 && !showsFinal;
    }
}
