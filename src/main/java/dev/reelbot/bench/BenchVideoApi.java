package dev.reelbot.bench;

import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import java.nio.file.Path;

/**
 * Wraps the real client to write into each job's {@link JobTrace} when its create went out (and how many did, and
 * how many the API refused as busy), which task it became, each poll, and when a poll first saw it completed.
 */
final class BenchVideoApi implements VideoApi {
    private final VideoApi delegate;
    private final Traces traces;

    BenchVideoApi(VideoApi delegate, Traces traces) {
        this.delegate = delegate;
        this.traces = traces;
    }

    @Override
    public TaskStatus create(VideoRequest request) throws VideoApiException {
        JobTrace trace = traces.of(request.prompt());
        trace.createSent(Traces.now());
        TaskStatus status;
        try {
            status = delegate.create(request);
        } catch (VideoApiException.Refused busy) {
            trace.createRefused();
            throw busy;
        }
        traces.created(request.prompt(), status.taskId());
        return status;
    }

    @Override
    public TaskStatus get(String taskId) throws VideoApiException {
        TaskStatus status = null;
        long asked = Traces.now();
        try {
            status = delegate.get(taskId);
            return status;
        } finally {
            JobTrace trace = traces.ofTask(taskId);
            if (trace != null) {
                trace.polled(asked, Traces.now(), status != null && status.phase() == TaskPhase.COMPLETED);
            }
        }
    }

    @Override
    public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target)
            throws VideoApiException {
        return delegate.download(taskId, videoUrl, maxBytes, target);
    }

    @Override
    public boolean knowsStatus(String word) {
        return delegate.knowsStatus(word);
    }
}
