package dev.reelbot.discord;

import dev.reelbot.core.Backoff;
import dev.reelbot.core.ShardLocks;
import dev.reelbot.core.engine.CommandHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the gateway sessions of the shards this instance has the lock of, and stands by for the others: each
 * {@link #tick} checks the shards it holds (a lost lock closes that session at once, so two instances never answer
 * one shard's interactions) and tries to take each free one, connecting a session for it. The holder of shard 0
 * registers the slash commands. A session that cannot connect gives its lock back, so another instance may try,
 * and this one tries again after a growing pause.
 *
 * <p>Threading: {@link #tick} runs on the scheduler (it only asks the locks, never waits for Discord); connecting
 * and registering run on the {@code connector} given; the shards' state is guarded by this object.
 */
public final class GatewayHolder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayHolder.class);
    private static final Backoff AFTER_FAILURE = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2));

    private final DiscordClient client;
    private final ShardLocks locks;
    private final int total;
    private final CommandHandler commands;
    private final Executor connector;
    private final Clock clock;
    private final List<Shard> shards = new ArrayList<>();
    private boolean stopped;

    /**
     * @param total     the bot's shard count ({@code discord.shards})
     * @param connector where sessions connect (a connection takes seconds; up to two minutes before it gives up)
     */
    public GatewayHolder(DiscordClient client, ShardLocks locks, int total, CommandHandler commands,
                         Executor connector, Clock clock) {
        this.client = client;
        this.locks = locks;
        this.total = total;
        this.commands = commands;
        this.connector = connector;
        this.clock = clock;
        for (int i = 0; i < total; i++) {
            shards.add(new Shard(i));
        }
    }

    /** Checks the shards held, takes the free ones, retries a failed registration. */
    public synchronized void tick() {
        if (stopped) {
            return;
        }
        for (Shard shard : shards) {
            if (shard.state == Shard.State.STANDBY && !clock.instant().isBefore(shard.notBefore)
                    && locks.tryHold(shard.index)) {
                log.info("holding Discord shard {} of {}: connecting its gateway session", shard.index, total);
                shard.state = Shard.State.CONNECTING;
                connector.execute(() -> connect(shard));
            }
        }
        // After the tries: a try that found the lock connection broken has lost every lock it held, and this
        // pass notices at once instead of a whole interval later.
        for (Shard shard : shards) {
            if (shard.state != Shard.State.STANDBY) {
                checkLock(shard);
            }
            if (shard.state == Shard.State.HOLDING && shard.index == 0 && !shard.registered && !shard.registering) {
                shard.registering = true;
                DiscordBot session = shard.session;
                connector.execute(() -> register(shard, session));
            }
        }
    }

    private void checkLock(Shard shard) {
        if (locks.holds(shard.index)) {
            return;
        }
        log.error("lost the lock of Discord shard {} of {} (its database connection failed): closing its gateway "
                + "session now; another instance takes it over", shard.index, total);
        if (shard.session != null) {
            shard.session.closeNow();
        }
        shard.standBy("lost its lock", Instant.MIN);
    }

    private void connect(Shard shard) {
        DiscordBot session;
        try {
            session = client.connect(shard.index, total);
            session.serve(commands);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(shard, "interrupted while connecting");
            return;
        } catch (RuntimeException e) {
            log.warn("Discord shard {} of {} could not connect: {}", shard.index, total, e.getMessage(), e);
            failed(shard, e.getMessage());
            return;
        }
        synchronized (this) {
            if (shard.state == Shard.State.CONNECTING && !stopped) {
                shard.state = Shard.State.HOLDING;
                shard.session = session;
                shard.failures = 0;
                shard.problem = null;
                return;
            }
        }
        // Lost the lock or stopping while connecting: this session must not stay.
        session.closeNow();
    }

    private synchronized void failed(Shard shard, String why) {
        if (shard.state == Shard.State.CONNECTING) {
            locks.release(shard.index);
            shard.standBy(why, clock.instant().plus(AFTER_FAILURE.after(shard.failures++)));
        }
    }

    private void register(Shard shard, DiscordBot session) {
        String problem = null;
        try {
            session.registerCommands(commands);
        } catch (RuntimeException e) {
            log.warn("registering the slash commands failed; retrying: {}", e.getMessage(), e);
            problem = e.getMessage();
        }
        synchronized (this) {
            shard.registering = false;
            shard.registered = problem == null;
            shard.problem = problem;
        }
    }

    /** Each shard as this instance sees it, for {@code /healthz}. */
    public synchronized List<ShardStatus> status() {
        return shards.stream().map(s -> new ShardStatus(s.index, total, s.state == Shard.State.HOLDING
                ? (s.session.isConnected() ? ShardStatus.Role.HOLDING : ShardStatus.Role.RECONNECTING)
                : s.state == Shard.State.CONNECTING ? ShardStatus.Role.CONNECTING : ShardStatus.Role.STANDBY,
                s.problem)).toList();
    }

    /** Stops answering interactions (the first step of a graceful stop); the sessions stay until {@link #close}. */
    public synchronized void stopServing() {
        shards.stream().filter(s -> s.session != null).forEach(s -> s.session.stopServing());
    }

    /** Closes every session, then releases its lock, so a standby takes the shard over at its next try. */
    @Override
    public void close() {
        List<Shard> held;
        List<DiscordBot> sessions = new ArrayList<>();
        synchronized (this) {
            stopped = true;
            held = shards.stream().filter(s -> s.state != Shard.State.STANDBY).toList();
            for (Shard shard : held) {
                if (shard.session != null) {
                    sessions.add(shard.session);
                }
                shard.standBy(null, Instant.MAX);
            }
        }
        // Sessions first: the lock goes only once this instance answers nothing more.
        sessions.forEach(DiscordBot::close);
        for (Shard shard : held) {
            locks.release(shard.index);
            log.info("released Discord shard {} of {}", shard.index, total);
        }
    }

    /** One shard's state here; guarded by the holder. */
    private static final class Shard {
        enum State { STANDBY, CONNECTING, HOLDING }

        final int index;
        State state = State.STANDBY;
        DiscordBot session;
        Instant notBefore = Instant.MIN;
        int failures;
        boolean registered;
        boolean registering;
        String problem;

        Shard(int index) {
            this.index = index;
        }

        void standBy(String why, Instant retryAt) {
            state = State.STANDBY;
            session = null;
            registered = false;
            problem = why;
            notBefore = retryAt;
        }
    }
}
