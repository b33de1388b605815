package dev.reelbot.core.engine;

import static dev.reelbot.core.job.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.core.render.Renderer;
import dev.reelbot.core.render.WaitingPlace;
import dev.reelbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Whether a job's message is due is decided from the fingerprint kept for the same copy of the job in the same
 * place in line, without rendering it again; a new copy (a poll saw progress) or a new place is rendered.
 */
class ShownFingerprintTest {
    private static final EngineSettings S = EngineSettings.defaults(Path.of("videos"));
    private static final MessageRef REF = new MessageRef("slack", "C1", "1.0");
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicReference<Optional<WaitingPlace>> place = new AtomicReference<>(Optional.empty());
    private final WaitingPlace.Lookup places = jobId -> place.get();
    private final Renderer renderer = new Renderer(TestJobs.MODELS, places, "en");
    private final MessageKeeper keeper = new MessageKeeper(null, renderer, S, clock, EngineMetrics.NONE, places);

    @Test
    void theSameCopyOfAJobIsJudgedByItsKeptFingerprintAndANewCopyIsRendered() {
        Job running = shownAsItIs(TestJobs.running(40, T0));
        Tracked tracked = Tracked.resumed(running, T0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(keeper.due(running, tracked)).as("nothing visible changed: the heartbeat")
                .isEqualTo(T0.plus(S.heartbeat()));

        // What the kept fingerprint says is what counts for this copy: no second render to check it.
        tracked.shown.keep(running, null, renderer.render(running, T0), "something else");
        assertThat(keeper.due(running, tracked)).as("judged by the kept fingerprint")
                .isEqualTo(T0.plus(S.editInterval()));

        Job polled = Transitions.polled(running, TestJobs.status(TaskPhase.RUNNING, 40), clock.instant());
        assertThat(keeper.due(polled, tracked)).as("a new copy, rendered: still 40%").isEqualTo(T0.plus(S.heartbeat()));
        Job moved = Transitions.polled(polled, TestJobs.status(TaskPhase.RUNNING, 60), clock.instant());
        assertThat(keeper.due(moved, tracked)).as("60% now").isEqualTo(T0.plus(S.editInterval()));
    }

    @Test
    void aWaitingJobIsRenderedAgainWhenItsPlaceInLineMoved() {
        place.set(Optional.of(new WaitingPlace(3, null, false)));
        Job waiting = shownAsItIs(Transitions.waiting(TestJobs.submitting(), T0));
        Tracked tracked = Tracked.resumed(waiting, T0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(keeper.due(waiting, tracked)).as("3rd, as shown").isEqualTo(T0.plus(S.heartbeat()));

        place.set(Optional.of(new WaitingPlace(2, null, false)));
        assertThat(keeper.due(waiting, tracked)).as("2nd now").isEqualTo(T0.plus(S.editInterval()));
    }

    /** The job with its message showing what it renders to now. */
    private Job shownAsItIs(Job job) {
        String fingerprint = Fingerprint.of(renderer.render(job, T0));
        return Transitions.shown(job, REF, fingerprint, false, T0);
    }
}
