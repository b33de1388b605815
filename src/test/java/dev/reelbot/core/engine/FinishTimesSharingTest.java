package dev.reelbot.core.engine;

import static dev.reelbot.core.job.TestJobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.job.Transitions;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one process learned of finish times is there after a restart (SQLite), and what several instances sharing
 * one PostgreSQL database learn, each of them has within a sync.
 */
class FinishTimesSharingTest {
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Job job(String id) {
        Job fresh = Job.submitting(id, "key-" + id, TestJobs.ALICE, VideoRequest.builder("a cat", "sora-2")
                .seconds(8).build(), null, T0);
        return Transitions.submitted(Transitions.sending(fresh, T0), TestJobs.status(TaskPhase.QUEUED, 0),
                T0.plusSeconds(1));
    }

    /** Teaches {@code times} {@code count} coarse runs of 18 s and more that showed 30% at 70% of their run. */
    private static void learn(FinishTimes times, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            long run = 18_000 + 300L * i;
            ProgressLog polls = new ProgressLog();
            polls.running(0, 10, 0);
            polls.running(run * 7 / 10 - 300, run * 7 / 10 - 290, 20);
            polls.running(run * 7 / 10 + 100, run * 7 / 10 + 110, 30);
            polls.running(run - 200, run - 190, 30);
            times.learn(job(prefix + i), polls, run + 300);
        }
    }

    @Test
    void whatWasLearnedOutlivesARestart() {
        Connections db = SqliteConnections.open(dir.resolve("reelbot.db"));
        FinishTimes before = new FinishTimes(new JdbcJobStore(db), CLOCK);
        learn(before, "a", RunModel.ENOUGH + 2);
        before.sync();
        RunModel learned = before.model(job("x")).orElseThrow();
        db.close();

        try (Connections reopened = SqliteConnections.open(dir.resolve("reelbot.db"))) {
            FinishTimes after = new FinishTimes(new JdbcJobStore(reopened), CLOCK);
            assertThat(after.model(job("x"))).isEmpty();
            after.load();

            RunModel read = after.model(job("x")).orElseThrow();
            assertThat(read.runLow()).isEqualTo(learned.runLow());
            assertThat(read.runHigh()).isEqualTo(learned.runHigh());
            assertThat(read.share()).containsExactly(learned.share());
            assertThat(read.spread()).containsExactly(learned.spread());
        }
    }

    @Test
    void instancesSharingADatabaseLearnFromEachOther() {
        try (TestPostgres.Schema schema = TestPostgres.schema();
             Connections first = schema.open();
             Connections second = schema.open()) {
            FinishTimes one = new FinishTimes(new JdbcJobStore(first), CLOCK);
            FinishTimes two = new FinishTimes(new JdbcJobStore(second), CLOCK);
            one.load();
            two.load();

            learn(one, "one-", RunModel.ENOUGH / 2 + 1);
            learn(two, "two-", RunModel.ENOUGH / 2 + 1);
            assertThat(one.model(job("x"))).as("too few of its own").isEmpty();
            one.sync();
            two.sync();
            one.sync();

            assertThat(one.model(job("x"))).isPresent();
            assertThat(two.model(job("x"))).isPresent();
            assertThat(new JdbcJobStore(first).finishSamples(FinishTimes.SAMPLES)).hasSize(RunModel.ENOUGH + 2);
        }
    }
}
