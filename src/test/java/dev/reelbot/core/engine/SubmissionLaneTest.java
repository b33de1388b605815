package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's create request runs on the submit workers, never on the workers every other job needs: a create the API
 * holds open (here: one the test never lets run) must not stop other jobs from being polled, shown and delivered.
 */
class SubmissionLaneTest {
    @TempDir
    Path dir;
    EngineHarness h;
    /** The submit lane, held: its steps run only when the test says. */
    final Queue<Runnable> held = new ArrayDeque<>();

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aCreateThatHangsHoldsUpNoOtherJob() {
        Executor submitLane = held::add;
        h = new EngineHarness(dir, SimulatorOptions.defaults(), EngineSettings.defaults(dir.resolve("videos")),
                Quotas.DEFAULTS, EngineHarness.DEFAULT_MODELS, submitLane);
        String first = h.command("a lighthouse at dawn").jobId();
        h.tick();
        assertThat(held).as("the create step went to the submit lane").hasSize(1);
        held.remove().run();
        assertThat(h.job(first).state()).isEqualTo(JobState.QUEUED);

        String hanging = h.command("a create the API never answers").jobId();
        h.tick();
        assertThat(held).hasSize(1);
        h.runUntilSettled(first);

        assertThat(h.job(first).state()).as("polled, shown and delivered while the other create hangs")
                .isEqualTo(JobState.COMPLETED);
        assertThat(h.job(first).isSettled()).isTrue();
        assertThat(h.job(hanging).state()).isEqualTo(JobState.SUBMITTING);
        assertThat(held).as("the hanging job was not stepped again meanwhile").hasSize(1);

        held.remove().run();
        h.runUntilSettled();
        assertThat(h.job(hanging).state()).isEqualTo(JobState.COMPLETED);
        assertThat(held).as("later steps run on the workers").isEmpty();
    }
}
