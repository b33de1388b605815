package dev.reelbot.core.job;

import dev.reelbot.core.text.Msg;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;

/**
 * Why a job did not produce a video.
 *
 * @param message plain words for the requester, e.g. "the video API says: the model could not generate this video"
 *                (English: what logs and older records hold)
 * @param code    a short machine code for logs and admins, e.g. {@code generation_failed}, {@code task_lost}
 * @param detail  the technical cause (an exception, a platform's error code) for the log, {@code /video status}
 *                and the admins, never shown on the job's message; or {@code null}
 * @param words   the message as a bundle key with its arguments, so each reader gets it in their language; or
 *                {@code null} (records from before, or words the bot does not own)
 */
public record Failure(String message, String code, String detail, Msg words) {
    public Failure {
        message = PlainText.oneLine(message, 400);
        code = code == null ? "" : PlainText.oneLine(code, 80);
        detail = detail == null || detail.isBlank() ? null : PlainText.oneLine(detail, 400);
    }

    /** A failure whose plain words say it all. */
    public Failure(String message, String code) {
        this(message, code, null, null);
    }

    /** A failure in words the bot does not own (the video API's), with its technical cause. */
    public Failure(String message, String code, String detail) {
        this(message, code, detail, null);
    }

    /** A failure in words of the bundles (its {@link #message} is their English). */
    public Failure(Msg words, String code, String detail) {
        this(words.toString(), code, detail, words);
    }

    /** The message in the language of {@code t}: its words when the bundles have them, else as recorded. */
    public String message(Texts t) {
        return words != null && t.has(words.key()) ? PlainText.oneLine(t.get(words), 400) : message;
    }
}
