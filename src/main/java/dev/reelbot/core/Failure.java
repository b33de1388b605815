package dev.reelbot.core;

/**
 * Why a job did not produce a video.
 *
 * @param message plain words for the requester, e.g. "the video API says: the model could not generate this video"
 * @param code    a short machine code for logs and admins, e.g. {@code generation_failed}, {@code task_lost}
 */
public record Failure(String message, String code) {
    public Failure {
        message = PlainText.oneLine(message, 400);
        code = code == null ? "" : PlainText.oneLine(code, 80);
    }
}
