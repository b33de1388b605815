package dev.reelbot.core;

import dev.reelbot.core.text.Languages;
import dev.reelbot.core.text.Texts;
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
 * @param locale      the language the texts are in ({@code en}, {@code zh-CN}, {@code es}), for the adapter's own
 *                    labels (field names, buttons)
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
        List<Action> actions,
        String locale) implements View {

    public JobView {
        actions = List.copyOf(actions);
        locale = Languages.resolve(locale);
    }

    /** A view in English. */
    public JobView(String jobId, String headline, String prompt, String requester, String settings, String status,
                   String progressBar, String elapsed, Result result, boolean isFinal, List<Action> actions) {
        this(jobId, headline, prompt, requester, settings, status, progressBar, elapsed, result, isFinal, actions,
                Languages.ENGLISH);
    }

    /** The adapter's own labels, in the view's language. */
    public Texts texts() {
        return Texts.in(locale);
    }

    /** The buttons a message offers: a finished job's re-roll and details, a waiting job's cancel. */
    public enum Action { REROLL, DETAILS, CANCEL }

    /** How a job ended, as far as the message shows it. */
    public sealed interface Result {
    }

    /**
     * The video was uploaded beside the message: as it came, or {@code compressed} to fit the upload limit; {@code
     * link} leads to the original (the bot's own link, or the API's), or is {@code null}.
     */
    public record Uploaded(String note, VideoLink link, boolean compressed) implements Result {
        /** Uploaded as it came, with no link. */
        public Uploaded(String note) {
            this(note, null, false);
        }
    }

    /**
     * The video could not be uploaded here: a link, when it stops working ({@code null} if unknown), why, and a
     * poster frame to show with it ({@code null} when there is none).
     */
    public record Linked(String url, Instant expiresAt, String note, String poster) implements Result {
        /** A link with no poster frame. */
        public Linked(String url, Instant expiresAt, String note) {
            this(url, expiresAt, note, null);
        }
    }

    /**
     * The video was made, but this chat took neither the file nor a link: it is kept, and the admins are told
     * where ({@code adminsTold}: they have been; else they are being). Not a failure: nothing to refund.
     */
    public record Kept(String reason, boolean adminsTold) implements Result {
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
        text.append(" · ").append(elapsed).append(" · ").append(texts().get("view.job", jobId));
        return text.toString();
    }
}
