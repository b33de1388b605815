package dev.reelbot.discord;

import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.engine.CommandHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway session of the bot (one shard): JDA with no gateway intents (slash commands and buttons need none),
 * answering the interactions Discord sends this shard, and registering the slash commands. Opened by
 * {@link DiscordClient#connect} (ready once Discord said READY); then {@link #serve} the command handler and, from
 * one session, {@link #registerCommands} (retried apart from connecting: a failed registration never opens a second
 * session); {@link #close} to leave gracefully, {@link #closeNow} when another instance may already hold the shard.
 * Job progress never goes through the session: it is the {@link DiscordClient}'s REST port's, on any instance.
 *
 * <p>Threading: JDA reads the gateway on its own threads; interactions are answered on this session's small pool
 * ({@code reelbot-discord-N}).
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

    private DiscordBot(DiscordSettings settings, JDA jda, InteractionListener listener, ExecutorService pool,
                       DiscordRest rest) {
        this.settings = settings;
        this.jda = jda;
        this.listener = listener;
        this.pool = pool;
        this.rest = rest;
    }

    /** Logs shard {@code shard} of {@code total} in and waits until the gateway session is ready. */
    static DiscordBot connect(DiscordSettings settings, DiscordRest rest, DiscordClient.Shared shared, int shard,
                              int total) throws InterruptedException {
        ExecutorService pool = pool();
        try {
            InteractionListener listener = new InteractionListener(settings, pool, shared.hooks(), shared.limits(),
                    shared.access(), new DiscordForms(Clock.systemUTC()));
            JDA jda = jda(settings, listener, shared.sessions(), shard, total);
            try {
                if (!listener.ready().await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("Discord did not say READY within " + READY_TIMEOUT
                            + " (gateway " + settings.gatewayUrl() + ")");
                }
            } catch (InterruptedException | RuntimeException e) {
                jda.shutdownNow();
                throw e;
            }
            log.info("Discord shard {} of {} connected as {}; invite it with {}", shard, total,
                    jda.getSelfUser().getName(), DiscordInvite.url(jda.getSelfUser().getApplicationId()));
            return new DiscordBot(settings, jda, listener, pool, rest);
        } catch (InterruptedException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
    }

    /** Starts logging in (checking the token at once); the session becomes ready in the background. */
    private static JDA jda(DiscordSettings settings, InteractionListener listener, GatewayAddress sessions,
                           int shard, int total) {
        return JDABuilder.createLight(settings.token().reveal(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiBaseUrl()))
                .setSessionController(sessions)
                .useSharding(shard, total)
                // With no intents few events arrive: compression would buy little.
                .setCompression(Compression.NONE)
                // Raw payloads carry what detached entities cannot tell: member roles, the upload limit.
                .setEventPassthrough(true)
                .setHttpClientBuilder(DiscordRest.httpBuilder(settings))
                // Main decides when Discord shuts down (after the engine stops).
                .setEnableShutdownHook(false)
                .addEventListeners(listener)
                .build();
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
        String application = jda.getSelfUser().getApplicationId();
        List<String> guilds = settings.commandGuildIds().isEmpty() ? Collections.singletonList(null)
                : settings.commandGuildIds();
        for (String guild : guilds) {
            try {
                rest.putCommands(application, guild, definitions);
            } catch (DiscordFailure e) {
                throw new IllegalStateException("could not register the slash commands "
                        + (guild == null ? "globally" : "in guild " + guild) + ": " + e.getMessage(), e);
            }
        }
        if (settings.commandGuildIds().isEmpty()) {
            log.info("registered {} global slash commands (Discord may take a while to show changes)",
                    definitions.size());
        } else {
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

    /**
     * Disconnects at once, answering nothing more: this instance lost the shard's lock, so another may be connecting
     * for it now, and two sessions of one shard would answer each interaction twice.
     */
    public void closeNow() {
        jda.shutdownNow();
        pool.shutdownNow();
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
