package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.ShardLocks;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.discord.ShardStatus.Role;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.videoapi.TestApis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway holder's rules with locks in memory (the PostgreSQL locks have their own test) and the real JDA
 * against the fake Discord: one session per shard across instances, a lost lock closes the session at once, a
 * session that cannot connect gives its lock back, a graceful stop hands the shard over at the next try.
 */
class GatewayHolderTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final FakeDiscord discord = FakeDiscord.start();
    private final Locks locks = new Locks();
    private final List<DiscordInstance> instances = new ArrayList<>();
    private SqliteConnections db;
    private JdbcJobStore store;

    @BeforeEach
    void open() {
        db = SqliteConnections.open(dir.resolve("reelbot.db"));
        store = new JdbcJobStore(db);
    }

    @AfterEach
    void close() {
        instances.forEach(DiscordInstance::close);
        db.close();
        discord.close();
    }

    private DiscordInstance instance(String name, int shards) {
        return instance(DiscordInstance.settings(discord, FakeDiscord.TOKEN), name, shards);
    }

    private DiscordInstance instance(DiscordSettings settings, String name, int shards) {
        DiscordInstance instance = new DiscordInstance(settings, store, JobLeases.SOLE, locks.of(name),
                TestApis.forUrl("http://127.0.0.1:1/v1", "key", DiscordHarness.MODELS, clock, Duration.ofSeconds(1)),
                dir, shards, clock);
        instances.add(instance);
        return instance;
    }

    @Test
    void oneInstanceHoldsTheShardTheOtherStandsByAndOnlyTheHolderRegistersTheCommands() {
        DiscordInstance a = instance("a", 1);
        DiscordInstance b = instance("b", 1);

        a.tick();
        b.tick();
        a.tick();
        b.tick();

        assertThat(a.roles()).containsExactly(Role.HOLDING);
        assertThat(b.roles()).containsExactly(Role.STANDBY);
        assertThat(discord.gateway().identifications()).isEqualTo(1);
        assertThat(discord.gateway().identifiedShards()).containsExactly("[0,1]");
        assertThat(discord.calls("PUT", "applications/\\d+/guilds/\\d+/commands")).hasSize(1);
    }

    @Test
    void aLostLockClosesTheSessionAtOnceAndTheStandbyTakesTheShardAtItsNextTry() {
        DiscordInstance a = instance("a", 1);
        DiscordInstance b = instance("b", 1);
        a.tick();
        b.tick();
        assertThat(discord.gateway().openSessions()).isEqualTo(1);

        locks.lose("a");
        b.tick();
        assertThat(b.roles()).as("b took the free lock (a does not know yet)").containsExactly(Role.HOLDING);
        a.tick();

        assertThat(a.roles()).containsExactly(Role.STANDBY);
        assertThat(a.holder.status().get(0).problem()).isEqualTo("lost its lock");
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.gateway().openSessions() == 1);
        assertThat(discord.gateway().identifications()).isEqualTo(2);
    }

    @Test
    void aSessionThatCannotConnectGivesItsLockBackAndTriesAgainLater() {
        DiscordInstance wrong = instance(DiscordInstance.settings(discord, "a-token-discord-refuses-0123456789"),
                "wrong", 1);
        DiscordInstance right = instance("right", 1);

        wrong.tick();
        assertThat(wrong.roles()).containsExactly(Role.STANDBY);
        assertThat(wrong.holder.status().get(0).problem()).isNotNull();
        right.tick();
        assertThat(right.roles()).as("the lock came free").containsExactly(Role.HOLDING);

        right.close();
        instances.remove(right);
        int logins = discord.calls("GET", "users/@me").size();
        wrong.tick();
        assertThat(discord.calls("GET", "users/@me")).as("the failed instance waits before trying again")
                .hasSize(logins);
        clock.advance(Duration.ofSeconds(6));
        wrong.tick();
        assertThat(discord.calls("GET", "users/@me")).as("then tries, and gives the lock back again")
                .hasSize(logins + 1);
        assertThat(locks.holder(0)).isNull();
    }

    @Test
    void aGracefulStopHandsTheShardOverAtTheStandbysNextTry() {
        DiscordInstance a = instance("a", 1);
        DiscordInstance b = instance("b", 1);
        a.tick();
        b.tick();

        a.close();
        instances.remove(a);
        assertThat(discord.gateway().openSessions()).isZero();
        b.tick();

        assertThat(b.roles()).containsExactly(Role.HOLDING);
        assertThat(discord.gateway().openSessions()).isEqualTo(1);
    }

    @Test
    void aLoneInstanceHoldsEveryShardEachWithItsOwnSession() {
        DiscordInstance a = instance("a", 2);

        a.tick();

        assertThat(a.roles()).containsExactly(Role.HOLDING, Role.HOLDING);
        assertThat(discord.gateway().identifiedShards()).containsExactly("[0,2]", "[1,2]");
        assertThat(discord.gateway().openSessions()).isEqualTo(2);
        assertThat(discord.calls("PUT", "applications/\\d+/guilds/\\d+/commands")).as("registered once")
                .hasSize(1);
    }

    /** Shard locks in memory, shared by the instances of a test: the owner of each shard, and a way to lose it. */
    private static final class Locks {
        private final Map<Integer, String> owners = new ConcurrentHashMap<>();

        ShardLocks of(String instance) {
            return new ShardLocks() {
                @Override
                public boolean tryHold(int shard) {
                    return instance.equals(owners.computeIfAbsent(shard, s -> instance));
                }

                @Override
                public boolean holds(int shard) {
                    return instance.equals(owners.get(shard));
                }

                @Override
                public void release(int shard) {
                    owners.remove(shard, instance);
                }

                @Override
                public void close() {
                    owners.values().removeIf(instance::equals);
                }
            };
        }

        /** The instance's lock connection died: its locks are free. */
        void lose(String instance) {
            owners.values().removeIf(instance::equals);
        }

        String holder(int shard) {
            return owners.get(shard);
        }
    }
}
