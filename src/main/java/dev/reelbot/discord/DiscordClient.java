package dev.reelbot.discord;

import java.time.Clock;

/**
 * The Discord side every instance has, whether or not it holds a gateway session: the REST client with the bot
 * token, the {@link DiscordChatPort} the engine posts, edits and uploads through, and what interactions teach the
 * port (fresh interaction hooks, channel upload limits, channels the bot may not post in). Open it at start (no
 * network), give {@link #port()} to the engine, and {@link #connect} a gateway session for each shard this instance
 * holds.
 *
 * <p>Threading: thread-safe; the port is called from the engine's workers, the sessions feed it from JDA's threads.
 */
public final class DiscordClient implements AutoCloseable {
    private final DiscordSettings settings;
    private final DiscordRest rest;
    private final RecentHooks hooks = new RecentHooks();
    private final ChannelAccess access = new ChannelAccess();
    private final UploadLimits limits;
    private final DiscordChatPort port;
    private final Shared shared;

    private DiscordClient(DiscordSettings settings, Clock clock) {
        this.settings = settings;
        this.rest = DiscordRest.of(settings, clock);
        this.limits = new UploadLimits(settings.defaultUploadLimit(), rest::boostTierOfChannel, clock);
        this.port = new DiscordChatPort(rest, limits, hooks, access, settings);
        this.shared = new Shared(hooks, limits, access, new GatewayAddress(settings.gatewayUrl()));
    }

    /** The client for these settings; nothing is sent until the engine or a session calls. */
    public static DiscordClient open(DiscordSettings settings, Clock clock) {
        return new DiscordClient(settings, clock);
    }

    /** The engine's way to post, edit and upload on Discord, from any instance. */
    public DiscordChatPort port() {
        return port;
    }

    /**
     * Logs in shard {@code shard} of {@code total} and waits until Discord said READY.
     *
     * @throws IllegalStateException when Discord refused the token or did not say READY in time
     */
    public DiscordBot connect(int shard, int total) throws InterruptedException {
        return DiscordBot.connect(settings, rest, shared, shard, total);
    }

    /**
     * What the sessions share: what their interactions teach the port, and one session controller, so this
     * process's shards identify one after another as Discord requires.
     */
    record Shared(RecentHooks hooks, UploadLimits limits, ChannelAccess access, GatewayAddress sessions) {
    }

    /** Closes the REST client's idle connections and threads; sessions are closed by their holder. */
    @Override
    public void close() {
        rest.close();
    }
}
