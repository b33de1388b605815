package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.bench.Percentiles;
import dev.reelbot.core.MessageRef;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.testing.AfterChaos;
import dev.reelbot.testing.BotProcess;
import dev.reelbot.testing.KillRestart;
import dev.reelbot.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos across instances, opt-in (a few minutes, three bot JVMs): {@code CHAOS_JOBS=300 ./mvnw -B test
 * -Dtest=SeveralInstancesChaosTest}. Three {@code run} processes on one PostgreSQL, Slack in HTTP mode against the
 * fake Slack (5% faults), the simulator with faults; commands spread over the live instances (a command an instance
 * cannot take is sent again, same request key, to another), one random instance killed with SIGKILL every ~10 s and
 * started again. At the end: nothing lost, no create request twice, every refund case with exactly one notice, no
 * message posted twice, every message final; it prints how long each killed instance's jobs waited to be taken
 * over (docs/benchmarks.md).
 */
@EnabledIfEnvironmentVariable(named = "CHAOS_JOBS", matches = "\\d+")
class SeveralInstancesChaosTest {
    private static final Duration TTL = Duration.ofSeconds(15);
    private static final int INSTANCES = 3;
    /**
     * The commands' channels: Slack allows about one message a second per channel, so 300 jobs in one channel
     * would spend five minutes waiting for their turn to post, which is no part of what this test proves.
     */
    private static final int CHANNELS = 10;

    /** Kept when the test fails: each instance's log is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @Test
    void killedOneAtATimeTheyLoseNothingAndDoNothingTwice() throws Exception {
        int jobs = Integer.parseInt(System.getenv("CHAOS_JOBS"));
        try (TestPostgres.Schema schema = TestPostgres.schema(); FakeSlack slack = new FakeSlack();
             ApiSimulator simulator = KillRestart.faultySimulator(); Connections db = schema.open()) {
            slack.failRandomly(0.05, seed);
            SharedSlackBots bots = new SharedSlackBots(dir, schema, slack, simulator, TTL,
                    // The fake Slack has no workspace budget; Slack's own (50 edits a minute) would make 300 jobs'
                    // final views alone take six minutes, which is no part of what this test proves.
                    "  updates-per-minute: 1000\n");
            BotProcess[] live = new BotProcess[INSTANCES];
            try {
                for (int i = 0; i < INSTANCES; i++) {
                    live[i] = bots.start(0, "bot-" + i + "-0");
                }
                for (BotProcess bot : live) {
                    bot.awaitUp("slack");
                }
                run(jobs, bots, live, db, slack, simulator);
            } finally {
                for (BotProcess bot : live) {
                    if (bot != null) {
                        bot.kill();
                    }
                }
            }
        }
    }

    private void run(int jobs, SharedSlackBots bots, BotProcess[] live, Connections db, FakeSlack slack,
                     ApiSimulator simulator) throws Exception {
        Takeovers takeovers = new Takeovers(db);
        List<String> accepted = new ArrayList<>();
        long started = System.nanoTime();
        long nextKill = started + killGap();
        int kills = 0;
        for (int n = 0; n < jobs; n++) {
            String marker = n % 4 == 0 ? " [fail]" : "";
            send(live, "chaos job " + n + marker, "trig-" + n, "C0CHAOS" + n % CHANNELS).ifPresent(accepted::add);
            if (System.nanoTime() >= nextKill) {
                int victim = random.nextInt(INSTANCES);
                takeovers.killed(live[victim]);
                live[victim] = bots.start(live[victim].port(), "bot-" + victim + "-" + (++kills));
                nextKill = System.nanoTime() + killGap();
            }
            takeovers.look();
            Thread.sleep(150); // the commands' pace, not a wait for work
        }
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(200))
                .conditionEvaluationListener(condition -> {
                    if (condition.getRemainingTimeInMS() <= 200) {
                        System.out.println("still unsettled: " + new JdbcJobStore(db).unsettled());
                    }
                }).until(() -> {
                    takeovers.look();
                    return takeovers.unsettled() == 0;
                });
        for (BotProcess bot : live) {
            assertThat(bot.stop()).isEqualTo(143);
        }

        AfterChaos.check(db, accepted, simulator, shown(slack), seed);
        for (int channel = 0; channel < CHANNELS; channel++) {
            List<FakeSlack.Message> messages = slack.messagesIn("C0CHAOS" + channel);
            for (String id : accepted) {
                assertThat(messages.stream().filter(m -> m.blocks().contains(id)).count())
                        .as("messages of job %s, seed %d", id, seed).isLessThanOrEqualTo(1);
            }
        }
        assertThat(accepted).hasSizeGreaterThan(jobs * 9 / 10);
        System.out.printf("chaos across %d instances: %d commands, %d accepted, %d kills in %d s; %s%n",
                INSTANCES, jobs, accepted.size(), kills, (System.nanoTime() - started) / 1_000_000_000L,
                takeovers.report());
    }

    private long killGap() {
        return Duration.ofMillis(8_000 + random.nextInt(4_000)).toNanos();
    }

    /** Sends the command to a random live instance; one that cannot take it gets it again elsewhere, same key. */
    private Optional<String> send(BotProcess[] live, String text, String trigger, String channel)
            throws InterruptedException {
        int first = random.nextInt(live.length);
        for (int attempt = 0; attempt < live.length * 3; attempt++) {
            try {
                Optional<String> id = SignedCommand.send(live[(first + attempt) % live.length].port(), text, trigger,
                        channel);
                if (id.isPresent()) {
                    return id;
                }
            } catch (IOException down) {
                Thread.sleep(100); // that instance is restarting; the next one is tried
            }
        }
        return Optional.empty();
    }

    private static AfterChaos.Shown shown(FakeSlack slack) {
        return new AfterChaos.Shown() {
            @Override
            public Boolean isFinal(MessageRef ref) {
                FakeSlack.Message message = slack.message(ref.channel(), ref.messageId());
                return message == null ? null : message.blocks() != null
                        && message.blocks().contains(SlackViews.DETAILS);
            }

            @Override
            public long noticesFor(String jobId) {
                return slack.messagesIn("C0ADMIN").stream().filter(m -> m.blocks().contains("job `" + jobId + "`"))
                        .count();
            }
        };
    }

    /** How long the unsettled jobs a killed instance held waited until another instance held them. */
    private static final class Takeovers {
        private final Connections db;
        private final Map<String, Long> orphans = new HashMap<>();
        private final Map<String, Long> killedPid = new HashMap<>();
        private final List<Double> seconds = new ArrayList<>();

        Takeovers(Connections db) {
            this.db = db;
        }

        void killed(BotProcess bot) throws Exception {
            long pid = bot.pid();
            bot.kill();
            long at = System.nanoTime();
            for (String id : ids("SELECT id FROM jobs WHERE settled = 0 AND lease_owner LIKE ?", "%-" + pid + "-%")) {
                orphans.put(id, at);
                killedPid.put(id, pid);
            }
        }

        void look() throws Exception {
            if (orphans.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            db.with(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, lease_owner FROM jobs WHERE id = ANY(?)")) {
                    s.setArray(1, c.createArrayOf("text", orphans.keySet().toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            String owner = rs.getString(2);
                            if (owner != null && !owner.contains("-" + killedPid.get(id) + "-")) {
                                seconds.add((now - orphans.remove(id)) / 1e9);
                            }
                        }
                    }
                }
                return null;
            });
        }

        int unsettled() throws Exception {
            return ids("SELECT id FROM jobs WHERE settled = 0").size();
        }

        private List<String> ids(String sql, String... params) throws Exception {
            return db.with(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        s.setString(i + 1, params[i]);
                    }
                    List<String> found = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                    return found;
                }
            });
        }

        String report() {
            Percentiles waits = new Percentiles(seconds.stream().mapToDouble(Double::doubleValue).toArray());
            if (waits.count() == 0) {
                return "no job was held by a killed instance";
            }
            return String.format("%d jobs taken over; takeover after kill -9: p50 %.1f s, p99 %.1f s, max %.1f s "
                    + "(lease-ttl %d s); %d never taken over", waits.count(), waits.at(50), waits.at(99),
                    waits.at(100), TTL.toSeconds(), orphans.size());
        }
    }
}
