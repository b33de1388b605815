package dev.reelbot.core.engine;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import java.nio.file.Path;
import java.time.Duration;

/** Times every video API call and reports its outcome to {@link EngineMetrics}. */
final class MeasuredVideoApi implements VideoApi {
    private final VideoApi delegate;
    private final EngineMetrics metrics;

    MeasuredVideoApi(VideoApi delegate, EngineMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    /** One timed call. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws VideoApiException;
    }

    private <T> T measure(String route, Call<T> call) throws VideoApiException {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return call.run();
        } catch (VideoApiException e) {
            outcome = e instanceof VideoApiException.Rejected ? "rejected"
                    : e instanceof VideoApiException.Refused ? "refused"
                    : e instanceof VideoApiException.Transient ? "transient" : "unknown";
            throw e;
        } finally {
            metrics.apiCall(route, Duration.ofNanos(System.nanoTime() - start), outcome);
        }
    }

    @Override
    public TaskStatus create(VideoRequest request) throws VideoApiException {
        return measure("create", () -> delegate.create(request));
    }

    @Override
    public TaskStatus get(String taskId) throws VideoApiException {
        return measure("get", () -> delegate.get(taskId));
    }

    @Override
    public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target)
            throws VideoApiException {
        return measure("download", () -> delegate.download(taskId, videoUrl, maxBytes, target));
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
