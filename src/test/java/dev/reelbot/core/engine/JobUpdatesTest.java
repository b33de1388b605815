package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
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
}
