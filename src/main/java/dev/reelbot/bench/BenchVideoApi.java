package dev.reelbot.bench;

import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the real client to count polls and refused creates, and to note, per task, when its create was sent (the simulator completes a
 * task a fixed time after creating it, so that instant plus the job length is when the API finished it) and when a
 * poll first saw it completed.
 */
final class BenchVideoApi implements VideoApi {
    private final VideoApi delegate;
    private final AtomicLong creates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong gets = new AtomicLong();
    private final Map<String, Long> createdNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> seenCompletedNanos = new ConcurrentHashMap<>();

    BenchVideoApi(VideoApi delegate) {
        this.delegate = delegate;
    }

    @Override
    public TaskStatus create(VideoRequest request) throws VideoApiException {
        creates.incrementAndGet();
        long before = System.nanoTime();
        try {
            TaskStatus status = delegate.create(request);
            createdNanos.put(status.taskId(), before);
            return status;
        } catch (VideoApiException.Refused busy) {
            refused.incrementAndGet();
            throw busy;
        }
    }

    @Override
    public TaskStatus get(String taskId) throws VideoApiException {
        gets.incrementAndGet();
        TaskStatus status = delegate.get(taskId);
        if (status.phase() == TaskPhase.COMPLETED) {
            seenCompletedNanos.putIfAbsent(taskId, System.nanoTime());
        }
        return status;
    }

    @Override
    public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target)
            throws VideoApiException {
        return delegate.download(taskId, videoUrl, maxBytes, target);
    }

    long creates() {
        return creates.get();
    }

    /** Creates the API turned away as busy (each one's job waited in the queue and was sent again). */
    long refused() {
        return refused.get();
    }

    long gets() {
        return gets.get();
    }

    /** When each task's create was sent, by task id (System.nanoTime): the simulator's clock starts there. */
    Map<String, Long> createdNanos() {
        return createdNanos;
    }

    /** When a poll first saw each task completed, by task id (System.nanoTime). */
    Map<String, Long> seenCompletedNanos() {
        return seenCompletedNanos;
    }

    @Override
    public boolean knowsStatus(String word) {
        return delegate.knowsStatus(word);
    }
}
