package dev.reelbot.core.job;

import dev.reelbot.core.MessageRef;
import java.time.Instant;

/**
 * The message that shows a job's progress.
 *
 * @param ref        where it is ({@code null} until posted, or after it was found deleted)
 * @param shown      the fingerprint of the view it shows now, to edit only on a visible change
 * @param shownAt    when it was last posted or edited
 * @param finalShown whether the requester has seen the job's final outcome
 * @param postKey    the key of the post that made (or is making) {@code ref}: written before the post is
 *                   attempted, so a retry or a restart finds the message instead of posting a second one
 */
public record JobMessage(MessageRef ref, String shown, Instant shownAt, boolean finalShown, String postKey) {
    public static final JobMessage NONE = new JobMessage(null, null, null, false, null);

    JobMessage withFinalShown(boolean value, Instant at) {
        return new JobMessage(ref, shown, at, value, postKey);
    }
}
