package dev.reelbot.core.engine;

import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * Caps how many status calls are in flight at once, across every job, so thousands of tracked jobs never turn into
 * thousands of simultaneous requests. Callers wait for a permit. Creates and downloads take none: the submit
 * workers and the downloads' own pool bound them, and a create the API holds open or a download dripping in must
 * never keep a permit that status checks need.
 */
final class LimitedVideoApi implements VideoApi {
    private final VideoApi delegate;
    private final Semaphore permits;

    LimitedVideoApi(VideoApi delegate, int maxConcurrentCalls) {
        this.delegate = delegate;
        this.permits = new Semaphore(maxConcurrentCalls, true);
    }

    @Override
    public TaskStatus create(VideoRequest request) throws VideoApiException {
        return delegate.create(request);
    }

    @Override
    public TaskStatus get(String taskId) throws VideoApiException {
        acquire();
        try {
            return delegate.get(taskId);
        } finally {
            permits.release();
        }
    }

    @Override
    public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target)
            throws VideoApiException {
        return delegate.download(taskId, videoUrl, maxBytes, target);
    }

    private void acquire() throws VideoApiException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoApiException.Transient("interrupted while waiting to call the video API", 0, "", null, e);
        }
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    @Override
    public boolean knowsStatus(String word) {
        return delegate.knowsStatus(word);
    }
}
