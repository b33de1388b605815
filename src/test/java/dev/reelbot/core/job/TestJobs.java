package dev.reelbot.core.job;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Requester;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoRequest;
import java.time.Instant;
import java.util.List;

/** Jobs in known states, built through the real transitions. */
public final class TestJobs {
    public static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    /** Two Sora models and a Kling one, with their default settings. */
    public static final ModelCatalog MODELS = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2"),
            ModelSpec.defaultsFor("sora-2-pro"), ModelSpec.defaultsFor("kling-v2-1")));
    public static final Requester ALICE = new Requester("slack", "T1", "C1", "U_ALICE", "alice");

    private TestJobs() {
    }

    public static Job submitting() {
        return submitting(ALICE);
    }

    /** A job of {@code who} (a requester in another language), just written. */
    public static Job submitting(Requester who) {
        return Job.submitting("abcd2345", "key-1", who, VideoRequest.builder("a cat surfing", "sora-2").seconds(8)
                .build(), null, T0);
    }

    /** A job whose create request is about to go out. */
    public static Job sending() {
        return Transitions.sending(submitting(), T0);
    }

    public static TaskStatus status(TaskPhase phase, Integer progress) {
        return new TaskStatus("task_1", phase, phase.name().toLowerCase(), progress, T0, null, null, null, null, null,
                null);
    }

    public static Job queued() {
        return Transitions.submitted(sending(), status(TaskPhase.QUEUED, 0), T0.plusSeconds(1));
    }

    public static Job running(int progress, Instant at) {
        return Transitions.polled(queued(), status(TaskPhase.RUNNING, progress), at);
    }

    public static Job completed(String videoUrl) {
        TaskStatus done = new TaskStatus("task_1", TaskPhase.COMPLETED, "completed", 100, T0,
                T0.plusSeconds(3600), videoUrl, "1280x720", "8", null, null);
        return Transitions.polled(running(50, T0.plusSeconds(5)), done, T0.plusSeconds(10));
    }

    public static Job failed() {
        return failed(ALICE);
    }

    /** A job of {@code who} that the video API could not generate. */
    public static Job failed(Requester who) {
        TaskStatus failed = new TaskStatus("task_1", TaskPhase.FAILED, "failed", 60, T0, null, null, null, null,
                "the model could not generate this video", "generation_failed");
        Job queued = Transitions.submitted(Transitions.sending(submitting(who), T0), status(TaskPhase.QUEUED, 0),
                T0.plusSeconds(1));
        Job running = Transitions.polled(queued, status(TaskPhase.RUNNING, 50), T0.plusSeconds(5));
        return Transitions.polled(running, failed, T0.plusSeconds(10));
    }
}
