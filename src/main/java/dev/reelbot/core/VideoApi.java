package dev.reelbot.core;

import java.nio.file.Path;

/**
 * The asynchronous video API, as a port: submit a task, read its status, fetch its video.
 *
 * <p>Threading: implementations are thread-safe and block the calling thread for the duration of a call.
 */
public interface VideoApi {

    /**
     * Submits a task. Sent at most once: a failure that may have reached the server is reported as
     * {@link VideoApiException.OutcomeUnknown} and never retried here.
     */
    TaskStatus create(VideoRequest request) throws VideoApiException;

    /** Reads a task's status; passing failures are retried a little before being reported as transient. */
    TaskStatus get(String taskId) throws VideoApiException;

    /**
     * Fetches a finished video into {@code target}, from {@code videoUrl} when the API gave one, else from the
     * task's content route; stops and reports {@link VideoDownload.TooLarge} past {@code maxBytes}.
     */
    VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) throws VideoApiException;

    /**
     * Whether a status word the API sent is one this client understands. An unknown word counts as "still
     * running" (gateways invent new ones), which the engine reports, so an operator can add it before the job's
     * time limit turns it into a refund case.
     */
    default boolean knowsStatus(String word) {
        return true;
    }
}
