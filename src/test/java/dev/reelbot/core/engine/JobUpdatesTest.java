package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Only a job that really moved on (its transition no longer applies) is a quiet no-op; any other exception from a
 * transition is a bug and fails the step loudly, so a billed task id can never be dropped while the log says fine.
 */
class JobUpdatesTest extends WithEngine {

    @Test
    void aTransitionThatNoLongerAppliesLeavesTheJobAsStored() {
        Job stored = h.job(h.command("a cat").jobId());
        JobUpdates updates = new JobUpdates(h.store, EngineMetrics.NONE);

        Job after = updates.apply(stored, j -> Transitions.submitted(j, TestJobs.status(TaskPhase.QUEUED, 0),
                h.clock.instant()));

        assertThat(after).as("a job never marked sending cannot be recorded as submitted").isEqualTo(stored);
        assertThat(updates.tryApply(stored, j -> Transitions.noticeClaimed(j, h.clock.instant()))).isEmpty();
    }

    @Test
    void aBugInATransitionIsNotMistakenForAJobThatMovedOn() {
        Job stored = h.job(h.command("a cat").jobId());
        JobUpdates updates = new JobUpdates(h.store, EngineMetrics.NONE);

        assertThatThrownBy(() -> updates.apply(stored, j -> {
            throw new IllegalStateException("a bug in a transition");
        })).hasMessage("a bug in a transition");
        assertThatThrownBy(() -> updates.tryApply(stored, j -> {
            throw new IllegalStateException("a bug in a claim");
        })).hasMessage("a bug in a claim");
        assertThat(h.job(stored.id())).isEqualTo(stored);
    }

    @Test
    void progressAloneMayWaitButEverythingAnyoneActsOnIsWrittenAtOnce() {
        JobUpdates updates = new JobUpdates(h.store, EngineMetrics.NONE);
        Instant now = h.clock.instant();
        Job sent = sent(updates, TaskPhase.QUEUED);

        Job running = updates.applyLazily(sent, j -> Transitions.polled(j, TestJobs.status(TaskPhase.RUNNING, 10),
                now), true);
        assertThat(h.job(sent.id())).as("a new state").isEqualTo(running);

        Job progressed = updates.applyLazily(running, j -> Transitions.polled(j,
                TestJobs.status(TaskPhase.RUNNING, 40), now.plusSeconds(2)), true);
        assertThat(progressed.task().progress()).isEqualTo(40);
        assertThat(progressed.version()).isEqualTo(running.version());
        assertThat(h.job(sent.id())).as("progress alone: not written yet").isEqualTo(running);

        Job shown = updates.applyLazily(progressed, j -> Transitions.shown(j, new MessageRef("slack", "C1", "m1"),
                "fingerprint", false, now.plusSeconds(3)), true);
        assertThat(h.job(sent.id())).as("what a message is and shows, with the progress held").isEqualTo(shown);
        assertThat(shown.task().progress()).isEqualTo(40);

        Job missing = updates.applyLazily(shown, j -> Transitions.taskMissing(j, 3, now.plusSeconds(4)), true);
        assertThat(h.job(sent.id())).as("a poll that found no task counts towards a failure").isEqualTo(missing);
        Job done = updates.applyLazily(missing, j -> Transitions.polled(j, TestJobs.status(TaskPhase.COMPLETED, 100),
                now.plusSeconds(5)), true);
        assertThat(h.job(sent.id())).isEqualTo(done);
    }

    @Test
    void progressThatMayNotWaitIsWritten() {
        JobUpdates updates = new JobUpdates(h.store, EngineMetrics.NONE);
        Instant now = h.clock.instant();
        Job running = sent(updates, TaskPhase.RUNNING);

        Job progressed = updates.applyLazily(running, j -> Transitions.polled(j,
                TestJobs.status(TaskPhase.RUNNING, 40), now.plusSeconds(2)), false);

        assertThat(h.job(running.id())).isEqualTo(progressed);
        assertThat(progressed.task().progress()).isEqualTo(40);
    }

    /** A new job, marked sending and recorded as submitted, the API answering it {@code phase}. */
    private Job sent(JobUpdates updates, TaskPhase phase) {
        Instant now = h.clock.instant();
        Job stored = h.job(h.command("a cat").jobId());
        return updates.apply(updates.apply(stored, j -> Transitions.sending(j, now)),
                j -> Transitions.submitted(j, TestJobs.status(phase, phase == TaskPhase.QUEUED ? 0 : 10), now));
    }
}
