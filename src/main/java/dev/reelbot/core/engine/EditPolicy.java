package dev.reelbot.core.engine;

import dev.reelbot.core.Backoff;
import dev.reelbot.core.job.JobMessage;
import java.time.Duration;
import java.time.Instant;

/**
 * When to post or edit a job's message: post when there is none; edit when what it shows has changed, but not
 * more often than the edit interval (a final view goes at once); refresh the elapsed time at most once per
 * heartbeat, so a long quiet job still shows it is alive.
 */
final class EditPolicy {
    /** How long to wait after a failed chat call, when the platform did not say: 2 s doubling up to 5 minutes. */
    static final Backoff RETRIES = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
    private EditPolicy() {
    }

    /**
     * The instant the message should next be touched, or {@code null} when it is up to date; {@code isFinal} and
     * {@code fingerprint} are those of the view it should show ({@link dev.reelbot.core.render.Fingerprint}).
     */
    static Instant due(JobMessage message, boolean isFinal, String fingerprint, Instant now, EngineSettings s) {
        return due(message, isFinal, fingerprint, now, s, s.editInterval());
    }

    /**
     * The same, with edits of a changed view at least {@code editInterval} apart (longer for changes few people
     * watch, such as the place of a job far back in the line).
     */
    static Instant due(JobMessage message, boolean isFinal, String fingerprint, Instant now, EngineSettings s,
                       Duration editInterval) {
        if (message.ref() == null) {
            return now;
        }
        Instant shownAt = message.shownAt() == null ? Instant.EPOCH : message.shownAt();
        if (fingerprint.equals(message.shown())) {
            if (isFinal) {
                return message.finalShown() ? null : now;
            }
            return shownAt.plus(s.heartbeat());
        }
        if (isFinal) {
            return now;
        }
        Instant allowed = shownAt.plus(editInterval);
        return allowed.isAfter(now) ? allowed : now;
    }

    static boolean isDue(Instant due, Instant now) {
        return due != null && !due.isAfter(now);
    }
}
