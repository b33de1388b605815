package dev.reelbot.core.job;

import dev.reelbot.core.text.PlainText;

/**
 * Why a job did not produce a video.
 *
 * @param message plain words for the requester, e.g. "the video API says: the model could not generate this video"
 * @param code    a short machine code for logs and admins, e.g. {@code generation_failed}, {@code task_lost}
 * @param detail  the technical cause (an exception, a platform's error code) for the log, {@code /video status}
 *                and the admins, never shown on the job's message; or {@code null}
 */
public record Failure(String message, String code, String detail) {
    public Failure {
        message = PlainText.oneLine(message, 400);
        code = code == null ? "" : PlainText.oneLine(code, 80);
        detail = detail == null || detail.isBlank() ? null : PlainText.oneLine(detail, 400);
    }

    /** A failure whose plain words say it all. */
    public Failure(String message, String code) {
        this(message, code, null);
    }
}
