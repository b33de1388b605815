package dev.reelbot.discord;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.VideoApi;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.discord.ShardStatus.Role;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.JdbcLeases;
import dev.reelbot.store.PgShardLocks;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.TestPostgres;
import dev.reelbot.videoapi.TestApis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances with Discord enabled on one real PostgreSQL, one fake Discord and one video API simulator, on a
 * clock the test moves: one gateway session for the shard; the holder dies (its lock's connection ends) and the
 * standby connects at its next try; the job the holder accepted continues on the same message, stepped by the other
 * instance over REST, with one create request.
 */
class DiscordInstancesTest {
    private static final Duration TTL = Duration.ofSeconds(15);
    private static final String ANSWER = "webhooks/" + FakeDiscord.APP_ID + "/%s/messages/@original";

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private TestPostgres.Schema schema;
    private Connections db;
    private ApiSimulator simulator;
    private FakeDiscord discord;
    private DiscordInstance a;
    private DiscordInstance b;

    @BeforeEach
    void open() {
        schema = TestPostgres.schema();
        db = schema.open();
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withClock(clock));
        discord = FakeDiscord.start();
        a = instance("a");
        b = instance("b");
    }

    private DiscordInstance instance(String id) {
        VideoApi api = TestApis.forSimulator(simulator, DiscordHarness.MODELS, clock, Duration.ofSeconds(5));
        return new DiscordInstance(discord, new JdbcJobStore(db), new JdbcLeases(db, id, TTL),
                new PgShardLocks(schema.url(), Optional.empty(), Optional.empty(), "reelbot-discord"), api,
                dir.resolve(id), 1, clock);
    }

    @AfterEach
    void close() {
        if (schema == null) {
            return;
        }
        b.close();
        a.close();
        discord.close();
        simulator.close();
        db.close();
        schema.close();
    }

    @Test
    void theStandbyTakesTheGatewayWhenTheHolderDiesAndTheJobFinishesFromItOnTheSameMessage() {
        a.tick();
        b.tick();
        assertThat(a.roles()).containsExactly(Role.HOLDING);
        assertThat(b.roles()).containsExactly(Role.STANDBY);
        assertThat(discord.gateway().identifications()).as("one gateway session for the shard").isEqualTo(1);

        String answer = video("a cat surfing");
        String id = answer.substring(answer.indexOf('`') + 1, answer.indexOf('`', answer.indexOf('`') + 1));
        a.engine.tick();
        Job sent = new JdbcJobStore(db).find(id).orElseThrow();
        assertThat(sent.task().taskId()).as("the holder sent it").isNotNull();
        String messageId = sent.message().ref().messageId();

        // The holder dies: its lock's session ends (its gateway socket with it), it steps nothing more.
        a.locks.close();
        a.tick();
        assertThat(a.roles()).containsExactly(Role.STANDBY);
        // The server ends a closed session a moment later: the standby's next tries find the lock free.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            b.tick();
            return b.roles().equals(List.of(Role.HOLDING));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.gateway().openSessions() == 1);
        assertThat(discord.gateway().identifications()).isEqualTo(2);

        clock.advance(TTL.plusSeconds(1));
        assertThat(b.engine.keepLeases()).as("b takes the job over").isEqualTo(1);
        int editsBefore = discord.calls("PATCH", "channels/\\d+/messages/\\d+").size();
        for (int second = 0; second < 600 && !new JdbcJobStore(db).find(id).orElseThrow().isSettled(); second++) {
            b.engine.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        Job done = new JdbcJobStore(db).find(id).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.message().ref()).as("the same message").isEqualTo(sent.message().ref());
        assertThat(discord.calls("PATCH", "channels/\\d+/messages/\\d+")).as("b edited it")
                .hasSizeGreaterThan(editsBefore)
                .allSatisfy(edit -> assertThat(edit.path()).endsWith("/" + messageId));
        assertThat(DiscordHarness.embedText(discord.message(messageId))).contains("Video ready");
        List<FakeDiscord.Call> posts = discord.calls("POST", "channels/\\d+/messages");
        assertThat(posts).as("the progress message once, then the video").hasSize(2);
        assertThat(posts.get(1).fileNames()).hasSize(1);
        assertThat(createRequests(simulator)).as("one create request").isEqualTo(1);
        assertThat(video("a dog skating")).as("the new holder answers commands").contains("accepted");
    }

    /** {@code /video} through the gateway, whichever instance holds it; the ephemeral answer's text. */
    private String video(String prompt) {
        var interaction = Interactions.slash(Instant.now(), Interactions.ALICE, List.of(), DiscordCommands.VIDEO,
                null, List.of(Interactions.Option.string(DiscordCommands.PROMPT, prompt)));
        String path = ANSWER.formatted(interaction.get("token").asText());
        discord.gateway().dispatch("INTERACTION_CREATE", interaction);
        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.calls("PATCH", path).isEmpty());
        return DiscordHarness.shown(discord.calls("PATCH", path).get(0).body().path("content").asText());
    }
}
