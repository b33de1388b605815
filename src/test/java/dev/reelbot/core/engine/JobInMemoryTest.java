package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.EngineMetrics;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobUpdates;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job in flight lives in memory between its steps: read from the store when its tracking starts, after a
 * compare-and-set lost to another writer, or when it was changed outside its steps; a poll that changes its progress
 * alone is not written at once but goes with the next write, and is written by a poll once it has waited
 * {@link JobUpdates#WRITE_WITHIN}; a restart polls again what was not written.
 */
class JobInMemoryTest {
    @TempDir
    Path dir;
    private final SteadyApi api = new SteadyApi(TaskPhase.QUEUED);
    private EngineHarness h;
    private String id;

    @BeforeEach
    void startRunning() {
        h = EngineHarness.onApi(dir, EngineSettings.defaults(dir.resolve("videos")), EngineHarness.DEFAULT_MODELS,
                clock -> api, Runnable::run);
        id = h.command("a cat").jobId();
        h.tick();
        advance(10);
        assertThat(h.job(id).state()).isEqualTo(JobState.RUNNING);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aRunningJobIsNotReadFromTheStoreAtEachStep() {
        int reads = h.faults.calls("find");
        int polls = api.polls.get();

        advance(60);

        assertThat(api.polls.get() - polls).as("steps polled it").isGreaterThan(5);
        assertThat(h.faults.calls("find") - reads).isZero();
    }

    @Test
    void aPollThatMovesProgressAloneGoesWithTheNextWrite() {
        h.chat.setReady(false);
        int polls = api.polls.get();
        int progressBefore = h.job(id).task().progress();
        api.progress.set(40);

        advance(10);

        assertThat(api.polls.get()).as("polled meanwhile").isGreaterThan(polls);
        assertThat(h.job(id).task().progress()).as("not written yet").isEqualTo(progressBefore);

        h.chat.setReady(true);
        advance(4);

        List<RecordingChatPort.Event> edits = h.chat.events("edit");
        assertThat(edits.get(edits.size() - 1).text()).contains("40");
        assertThat(h.job(id).task().progress()).as("carried by the write of what the message shows").isEqualTo(40);
    }

    @Test
    void progressNotWrittenIsWrittenByAPollOnceItHasWaitedItsLongest() {
        h.chat.setReady(false);
        api.progress.set(40);
        long bound = JobUpdates.WRITE_WITHIN.plus(EngineSettings.defaults(dir).maxPollInterval()).toSeconds();
        int waited = 0;
        while (h.job(id).task().progress() != 40 && waited <= bound) {
            advance(1);
            waited++;
        }

        assertThat(waited).as("written by a poll alone (the chat is away, nothing else writes)")
                .isBetween(1, Math.toIntExact(bound));
    }

    @Test
    void progressNotWrittenIsPolledAgainAfterARestart() {
        h.chat.setReady(false);
        api.progress.set(40);
        advance(10);
        assertThat(h.job(id).task().progress()).as("held in memory only").isLessThan(40);
        int polls = api.polls.get();

        h.restart();
        advance(1);

        assertThat(api.polls.get()).as("the first step after the restart polls").isEqualTo(polls + 1);
        h.chat.setReady(true);
        advance(4);
        assertThat(h.job(id).task().progress()).isEqualTo(40);
    }

    @Test
    void aCompareAndSetLostToAnotherWriterReadsTheJobOnceAndGoesOnFromIt() {
        Job elsewhere = new JobUpdates(h.store, EngineMetrics.NONE).apply(h.job(id), j -> Transitions.polled(j,
                TestJobs.status(TaskPhase.RUNNING, 50), h.clock.instant()));
        int reads = h.faults.calls("find");
        api.progress.set(60);

        advance(10);

        assertThat(h.faults.calls("find") - reads).as("read again once, after the lost write").isEqualTo(1);
        assertThat(h.job(id).version()).as("its write went on from the other's").isGreaterThan(elsewhere.version());
        advance(60);
        assertThat(h.faults.calls("find") - reads).as("then kept in memory again").isEqualTo(1);
        assertThat(h.job(id).task().progress()).isEqualTo(60);
    }

    @Test
    void aJobChangedOutsideItsStepsIsReadAgainByItsNextStep() {
        int reads = h.faults.calls("find");

        h.engine.poller().follow(h.job(id));
        h.tick();

        assertThat(h.faults.calls("find") - reads).isEqualTo(1);
    }

    /** Moves time a second at a time, ticking. */
    private void advance(int seconds) {
        for (int i = 0; i < seconds; i++) {
            h.clock.advance(Duration.ofSeconds(1));
            h.tick();
        }
    }
}
