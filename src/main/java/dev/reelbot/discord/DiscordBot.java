package dev.reelbot.discord;

import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.engine.CommandHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord side of reelbot: a JDA session with no gateway intents (slash commands and buttons need none), the
 * slash commands registered at start, and the {@link DiscordChatPort} the engine posts through. Use:
 * {@code connect} (the port exists once Discord said READY), build the engine with {@link #port()},
 * {@link #serve} its command handler, then {@link #registerCommands} (retried apart from connecting: a failed
 * registration never opens a second session); {@link #close} at shutdown.
 *
 * <p>Threading: JDA reads the gateway on its own threads; interactions are answered on this bot's small pool
 * ({@code reelbot-discord-N}); the port is called from the engine's workers.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final int POOL_THREADS = 2;

    private final DiscordSettings settings;
    private final JDA jda;
    private final InteractionListener listener;
    private final ExecutorService pool;
    private final DiscordRest rest;
    private final DiscordChatPort port;

    private DiscordBot(DiscordSettings settings, JDA jda, InteractionListener listener, ExecutorService pool,
                       DiscordRest rest, DiscordChatPort port) {
        this.settings = settings;
        this.jda = jda;
        this.listener = listener;
        this.pool = pool;
        this.rest = rest;
        this.port = port;
    }

    /** Logs in and waits until the gateway session is ready. */
    public static DiscordBot connect(DiscordSettings settings) throws InterruptedException {
        ExecutorService pool = pool();
        try {
            return connect(settings, pool);
        } catch (InterruptedException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
    }

    private static DiscordBot connect(DiscordSettings settings, ExecutorService pool) throws InterruptedException {
        RecentHooks hooks = new RecentHooks();
        // The listener feeds the limits from the first interaction on; tiers are looked up once JDA is ready.
        AtomicReference<DiscordRest> restOnceReady = new AtomicReference<>();
        UploadLimits limits = new UploadLimits(settings.defaultUploadLimit(), channel -> {
            DiscordRest ready = restOnceReady.get();
            return ready == null ? OptionalInt.empty() : ready.boostTierOfChannel(channel);
        }, Clock.systemUTC());
        ChannelAccess access = new ChannelAccess();
        InteractionListener listener = new InteractionListener(settings, pool, hooks, limits, access,
                new DiscordForms(Clock.systemUTC()));
        JDA jda = jda(settings, listener);
        try {
            if (!listener.ready().await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Discord did not say READY within " + READY_TIMEOUT
                        + " (gateway " + settings.gatewayUrl() + ")");
            }
        } catch (InterruptedException | RuntimeException e) {
            jda.shutdownNow();
            throw e;
        }
        DiscordRest rest = new DiscordRest(jda);
        restOnceReady.set(rest);
        DiscordChatPort port = new DiscordChatPort(rest, limits, hooks, access, settings);
        log.info("Discord connected as {}; invite it with {}", jda.getSelfUser().getName(),
                DiscordInvite.url(jda.getSelfUser().getApplicationId()));
        return new DiscordBot(settings, jda, listener, pool, rest, port);
    }

    /** Starts logging in (checking the token at once); the session becomes ready in the background. */
    private static JDA jda(DiscordSettings settings, InteractionListener listener) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(settings.requestTimeout())
                .readTimeout(settings.requestTimeout())
                .writeTimeout(settings.requestTimeout());
        return JDABuilder.createLight(settings.token().reveal(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiBaseUrl()))
                .setSessionController(new GatewayAddress(settings.gatewayUrl()))
                // With no intents few events arrive: compression would buy little.
                .setCompression(Compression.NONE)
                // Raw payloads carry what detached entities cannot tell: member roles, the upload limit.
                .setEventPassthrough(true)
                .setHttpClientBuilder(http)
                // Main decides when Discord shuts down (after the engine stops).
                .setEnableShutdownHook(false)
                .addEventListeners(listener)
                .build();
    }

    /** The engine's way to post, edit and upload on Discord. */
    public DiscordChatPort port() {
        return port;
    }

    /** Starts answering interactions (of the commands as Discord knows them, from this or an earlier start). */
    public void serve(CommandHandler commands) {
        listener.serve(commands);
    }

    /**
     * Registers the slash commands, globally or in the configured guilds. Throws when Discord refuses, so the
     * caller can retry this alone, on the session already open.
     */
    public void registerCommands(CommandHandler commands) {
        List<CommandData> definitions = DiscordCommands.all(commands.parser());
        if (settings.commandGuildIds().isEmpty()) {
            jda.updateCommands().addCommands(definitions).timeout(settings.requestTimeout().toMillis(),
                    TimeUnit.MILLISECONDS).complete();
            log.info("registered {} global slash commands (Discord may take a while to show changes)",
                    definitions.size());
        } else {
            for (String guild : settings.commandGuildIds()) {
                try {
                    rest.putGuildCommands(guild, definitions);
                } catch (DiscordFailure e) {
                    throw new IllegalStateException("could not register the slash commands in guild " + guild
                            + ": " + e.getMessage(), e);
                }
            }
            log.info("registered {} slash commands in guilds {}", definitions.size(), settings.commandGuildIds());
        }
    }

    /** Stops starting new jobs; interactions are still acknowledged, with "try again in a moment". */
    public void stopServing() {
        listener.stopServing();
    }

    /** Whether the gateway session is up. */
    public boolean isConnected() {
        return jda.getStatus() == JDA.Status.CONNECTED;
    }

    /** Stops answering and disconnects; replies in flight get a few seconds. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
            jda.shutdown();
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            jda.shutdownNow();
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    private static ExecutorService pool() {
        return new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.numbered("reelbot-discord"));
    }
}
