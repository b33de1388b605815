package dev.reelbot.core.engine;

import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.TestJobs;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A gateway whose tasks run at the progress a test sets and never finish; it counts the polls. */
final class SteadyApi implements VideoApi {
    final AtomicInteger progress = new AtomicInteger(5);
    final AtomicInteger polls = new AtomicInteger();
    private final TaskPhase created;

    /** @param created how a create is answered: queued, or already running */
    SteadyApi(TaskPhase created) {
        this.created = created;
    }

    @Override
    public TaskStatus create(VideoRequest request) {
        return TestJobs.status(created, created == TaskPhase.QUEUED ? 0 : progress.get());
    }

    @Override
    public TaskStatus get(String taskId) {
        polls.incrementAndGet();
        return TestJobs.status(TaskPhase.RUNNING, progress.get());
    }

    @Override
    public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target) {
        throw new UnsupportedOperationException("never completes");
    }

    @Override
    public boolean knowsStatus(String word) {
        return true;
    }
}
