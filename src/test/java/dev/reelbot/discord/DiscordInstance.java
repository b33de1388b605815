package dev.reelbot.discord;

import dev.reelbot.core.Secret;
import dev.reelbot.core.ShardLocks;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bot instance's Discord side as {@code run} wires it, in-process: its own REST client and port, an engine on
 * the store given, and a {@link GatewayHolder} over the shard locks given, connecting sessions on the test's thread
 * when it {@link #tick}s. Several of these on one {@link FakeDiscord} are several instances.
 */
final class DiscordInstance implements AutoCloseable {
    final DiscordClient client;
    final Engine engine;
    final GatewayHolder holder;
    final ShardLocks locks;

    DiscordInstance(FakeDiscord discord, JobStore store, JobLeases leases, ShardLocks locks, VideoApi api,
                    Path dir, int shards, Clock clock) {
        this(settings(discord, FakeDiscord.TOKEN), store, leases, locks, api, dir, shards, clock);
    }

    DiscordInstance(DiscordSettings settings, JobStore store, JobLeases leases, ShardLocks locks, VideoApi api,
                    Path dir, int shards, Clock clock) {
        this.locks = locks;
        client = DiscordClient.open(settings, clock);
        engine = new Engine(new Engine.Parts(store, api, List.of(client.port()), DiscordHarness.MODELS,
                new Limits(1000, 2, List.of(), Map.of()), Quotas.DEFAULTS, new Admins(Set.of()),
                EngineSettings.defaults(dir.resolve("videos")), 64L * 1024 * 1024, "/video").withLeases(leases),
                Runnable::run, clock);
        holder = new GatewayHolder(client, locks, shards, engine.commands(), Runnable::run, clock);
    }

    static DiscordSettings settings(FakeDiscord discord, String token) {
        return DiscordSettings.defaults(Secret.of(token), Interactions.ADMIN_CHANNEL)
                .withEndpoints(discord.apiBaseUrl(), discord.gatewayUrl())
                .withCommandGuilds(List.of(Interactions.GUILD));
    }

    /** One round of the holder: check the shards held, take the free ones (connecting here, on this thread). */
    void tick() {
        holder.tick();
    }

    List<ShardStatus.Role> roles() {
        return holder.status().stream().map(ShardStatus::role).toList();
    }

    /** A graceful stop's Discord part: sessions closed, locks released. */
    @Override
    public void close() {
        holder.close();
        client.close();
        locks.close();
    }
}
