package dev.reelbot.slack;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} processes on one PostgreSQL, Slack in HTTP mode against the fake Slack: a job started on one
 * continues on the same message after that one is killed with SIGKILL, taken over by the other within the lease
 * and a poll interval, and the video API sees one create request; after a graceful stop, at once.
 */
class SeveralInstancesTest {
    private static final Duration TTL = Duration.ofSeconds(3);
    /** The test config's poller.max-interval. */
    private static final Duration POLL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void aJobContinuesOnTheSameMessageAfterItsInstanceIsKilled() throws Exception {
        try (TestPostgres.Schema schema = TestPostgres.schema(); FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                     .withFlakiness(0, 1).withDurations(Duration.ofSeconds(12), Duration.ofSeconds(20)))) {
            SharedSlackBots bots = new SharedSlackBots(dir, schema, slack, simulator, TTL, "");
            BotProcess a = bots.start(0, "a");
            BotProcess b = bots.start(0, "b");
            a.awaitUp("slack");
            b.awaitUp("slack");
            int aPort = a.port();

            String id = SignedCommand.send(aPort, "a cat surfing", "trig-1").orElseThrow();
            await().atMost(Duration.ofSeconds(20)).until(() -> slack.messagesIn("C0GENERAL").size() == 1
                    && slack.calls("chat.update").size() >= 1);
            String ts = slack.messagesIn("C0GENERAL").get(0).ts();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("b.log"))
                    .contains("instances sharing the chat platforms' budgets: 2"));
            assertThat(b.metric("reelbot_jobs_tracked")).as("a holds the job").isEqualTo("0.0");

            a.kill();
            long killed = System.nanoTime();
            await().atMost(TTL.plus(POLL).plusSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> b.metric("reelbot_jobs_tracked").equals("1.0"));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("job %s taken over %d ms after kill -9 (lease-ttl %d ms)%n", id, takeover.toMillis(),
                    TTL.toMillis());
            b.awaitNoJobTracked(Duration.ofSeconds(60));

            try (Connections db = schema.open()) {
                Job job = new JdbcJobStore(db).find(id).orElseThrow();
                assertThat(job.state()).isEqualTo(JobState.COMPLETED);
                assertThat(job.isSettled()).isTrue();
                assertThat(job.message().ref().messageId()).as("the same message").isEqualTo(ts);
            }
            assertThat(slack.messagesIn("C0GENERAL")).as("one message, final").hasSize(1)
                    .allSatisfy(m -> assertThat(m.blocks()).contains(SlackViews.DETAILS));
            assertThat(createRequests(simulator)).as("one create request").isEqualTo(1);
            assertThat(takeover).as("taken over within lease-ttl + one poll interval (+ a little for a busy machine)")
                    .isLessThan(TTL.plus(POLL).plusSeconds(2));
            assertThat(b.stop()).isEqualTo(143);
        }
    }

    @Test
    void aGracefulStopHandsItsJobsOverAtOnce() throws Exception {
        Duration longLease = Duration.ofSeconds(20);
        try (TestPostgres.Schema schema = TestPostgres.schema(); FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults().withKey("sim-key")
                     .withFlakiness(0, 1).withDurations(Duration.ofSeconds(8), Duration.ofSeconds(20)))) {
            SharedSlackBots bots = new SharedSlackBots(dir, schema, slack, simulator, longLease, "");
            BotProcess a = bots.start(0, "a");
            BotProcess b = bots.start(0, "b");
            a.awaitUp("slack");
            b.awaitUp("slack");
            String id = SignedCommand.send(b.port(), "a cat surfing", "trig-1").orElseThrow();
            await().atMost(Duration.ofSeconds(20)).until(() -> slack.messagesIn("C0GENERAL").size() == 1);

            assertThat(b.stop()).as("SIGTERM: a graceful stop").isEqualTo(143);
            long stopped = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> a.metric("reelbot_jobs_tracked").equals("1.0"));
            Duration handover = Duration.ofNanos(System.nanoTime() - stopped);
            a.awaitNoJobTracked(Duration.ofSeconds(60));

            assertThat(handover).as("released, not left to expire (a lease is %s)", longLease)
                    .isLessThan(longLease.dividedBy(2));
            try (Connections db = schema.open()) {
                Job job = new JdbcJobStore(db).find(id).orElseThrow();
                assertThat(job.state()).isEqualTo(JobState.COMPLETED);
                assertThat(job.isSettled()).isTrue();
            }
            assertThat(slack.messagesIn("C0GENERAL")).as("one message, final").hasSize(1)
                    .allSatisfy(m -> assertThat(m.blocks()).contains(SlackViews.DETAILS));
            assertThat(createRequests(simulator)).as("one create request").isEqualTo(1);
            assertThat(a.stop()).isEqualTo(143);
        }
    }
}
