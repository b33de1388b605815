package dev.reelbot.core.job;

import java.time.Instant;

/**
 * What the video API told us about a job's task.
 *
 * @param taskId       the API's id ({@code null} before submission)
 * @param apiStatus    the last status word, as sent
 * @param progress     0..100, never going backwards
 * @param videoUrl     a result URL usable without the API key, when the API gave one
 * @param expiresAt    when the API's result URLs stop working
 * @param pollErrors   failed polls in a row (for backoff)
 * @param missingPolls polls in a row answered "task does not exist"
 */
public record JobTask(String taskId, String apiStatus, int progress, String videoUrl, Instant expiresAt,
                      int pollErrors, int missingPolls) {
    public static final JobTask NONE = new JobTask(null, null, 0, null, null, 0, 0);
}
