package dev.reelbot.core;

import java.time.Instant;
import java.util.List;

/**
 * A job's progress message.
 *
 * @param jobId       the job id
 * @param headline    one line with an emoji, e.g. "🎬 Generating your video"
 * @param prompt      the prompt, cleaned and capped
 * @param requester   the requester's user id, for the adapter to mention (safely) once
 * @param settings    "sora-2 · 8 s · 1280x720" and any other options
 * @param status      the status line, e.g. "Generating… 45%"
 * @param progressBar a text bar with percent ("▓▓▓▓░░░░░░ 40%"), or {@code null} when not running
 * @param elapsed     "1m 12s", or "took 1m 12s" once final
 * @param result      the outcome once there is one, else {@code null}
 * @param isFinal     whether this view will never change again
 * @param actions     buttons to offer: re-roll and details once final, cancel while waiting to be sent, else none
 */
public record JobView(
        String jobId,
        String headline,
        String prompt,
        String requester,
        String settings,
        String status,
        String progressBar,
        String elapsed,
        Result result,
        boolean isFinal,
        List<Action> actions) implements View {

    public JobView {
        actions = List.copyOf(actions);
    }

    /** The buttons a message offers: a finished job's re-roll and details, a waiting job's cancel. */
    public enum Action { REROLL, DETAILS, CANCEL }

    /** How a job ended, as far as the message shows it. */
    public sealed interface Result {
    }

    /** The video was uploaded beside the message. */
    public record Uploaded(String note) implements Result {
    }

    /** The video is too large to upload: a link, and when it stops working ({@code null} if unknown). */
    public record Linked(String url, Instant expiresAt, String note) implements Result {
    }

    /** No video: why, and how far the admins have been told for a refund. */
    public record Failed(String reason, Refund refund) implements Result {
    }

    /** Where a failed job's refund stands, as the requester is told. */
    public enum Refund {
        /** Nothing to refund: nothing was charged. */
        NONE,
        /** The admins are being told. */
        NOTIFYING,
        /** The admins have been told. */
        NOTIFIED
    }

    @Override
    public String plainText() {
        StringBuilder text = new StringBuilder(headline).append(" — \"").append(prompt).append("\"");
        text.append(" · ").append(settings).append(" · ").append(status);
        if (progressBar != null) {
            text.append(" ").append(progressBar);
        }
        text.append(" · ").append(elapsed).append(" · job ").append(jobId);
        return text.toString();
    }
}
