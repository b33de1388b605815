package dev.reelbot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The video API's view of one task, normalised from whatever shape the gateway sent.
 *
 * @param taskId       the task id to poll
 * @param phase        queued, running, completed or failed
 * @param rawStatus    the status word as sent, for logs
 * @param progress     0..100, or {@code null} when the API sent none
 * @param createdAt    when the API created it, or {@code null}
 * @param expiresAt    when result URLs stop working, or {@code null}
 * @param videoUrl     where the finished video can be fetched without the API key, or {@code null}
 * @param size         the resolution the API reports, or {@code null}
 * @param seconds      the duration the API reports, or {@code null}
 * @param errorMessage why it failed, or {@code null}
 * @param errorCode    the API's error code, or {@code null}
 */
public record TaskStatus(
        String taskId,
        TaskPhase phase,
        String rawStatus,
        Integer progress,
        Instant createdAt,
        Instant expiresAt,
        String videoUrl,
        String size,
        String seconds,
        String errorMessage,
        String errorCode) {

    public TaskStatus {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(phase, "phase");
        if (progress != null && (progress < 0 || progress > 100)) {
            throw new IllegalArgumentException("progress out of 0..100: " + progress);
        }
    }
}
