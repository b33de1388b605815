package dev.reelbot.app;

import dev.reelbot.config.DiscordConfig;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.config.SlackConfig;
import dev.reelbot.console.ConsoleChat;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.LiveInstances;
import dev.reelbot.core.ShardLocks;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.discord.DiscordClient;
import dev.reelbot.discord.DiscordSettings;
import dev.reelbot.discord.GatewayHolder;
import dev.reelbot.slack.SlackApp;
import dev.reelbot.slack.SlackHttp;
import dev.reelbot.slack.SlackSettings;
import dev.reelbot.web.Health;
import dev.reelbot.web.HealthReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat platforms {@code run} serves, as config enables them: their ports for the engine, their connections
 * (each retried on its own, so one that cannot connect never takes the others down), their health, and their
 * part in a graceful stop.
 */
public final class Platforms implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Platforms.class);

    private final ReelbotConfig cfg;
    private final List<ChatPort> ports = new ArrayList<>();
    private final List<RetryingStart> connections = new ArrayList<>();
    private final SlackApp slack;
    private final ConsoleChat console;
    private final DiscordClient discord;
    private final ShardLocks shardLocks;
    private final Clock clock;
    private final AtomicReference<GatewayHolder> gateway = new AtomicReference<>();

    /**
     * @param in          the console chat's input, when config enables it
     * @param out         the console chat's output
     * @param interactive whether the console chat may draw on this process's terminal instead
     * @param instances   how many instances share the platforms' budgets (Slack's edits are divided among them)
     * @param shardLocks  which of the instances sharing the store holds each Discord gateway shard
     */
    public Platforms(ReelbotConfig cfg, Clock clock, InputStream in, PrintStream out, boolean interactive,
                     LiveInstances instances, ShardLocks shardLocks) throws IOException {
        this.cfg = cfg;
        this.shardLocks = shardLocks;
        this.clock = clock;
        slack = cfg.slack().enabled() ? new SlackApp(slackSettings(cfg.slack()), clock, instances) : null;
        if (slack != null) {
            ports.add(slack.port());
        }
        // Every instance posts and edits through Discord's REST API, gateway session or not.
        discord = cfg.discord().enabled() ? DiscordClient.open(discordSettings(cfg), clock) : null;
        if (discord != null) {
            ports.add(discord.port());
        }
        console = cfg.console().enabled() ? ConsoleChat.open(interactive, in, out, cfg.console().videoDir(),
                cfg.console().user()) : null;
        if (console != null) {
            ports.add(console.port());
        }
    }

    public List<ChatPort> ports() {
        return List.copyOf(ports);
    }

    /** The platforms' names, as in {@link ChatPort#platform()}. */
    public List<String> names() {
        return ports.stream().map(ChatPort::platform).toList();
    }

    public Supplier<SlackHttp> slackHttp() {
        return slack == null ? () -> null : slack::http;
    }

    /**
     * Starts connecting every platform (retrying each until it works) and reading the console.
     *
     * @param downloads      the engine's download pool (Slack reads images shared in its form there)
     * @param onConsoleCtrlC what Ctrl+C typed in the console chat does (it is the bot's terminal: stop the bot)
     */
    public void start(Engine engine, ScheduledExecutorService scheduler, ExecutorService workers,
                      ExecutorService downloads, Runnable onConsoleCtrlC) {
        if (slack != null) {
            connect("slack", () -> slack.start(engine.commands(), workers, downloads), scheduler, workers);
        }
        if (discord != null) {
            GatewayHolder holder = new GatewayHolder(discord, shardLocks, cfg.discord().shards(), engine.commands(),
                    workers, clock);
            gateway.set(holder);
            long every = cfg.discord().standbyRetry().toMillis();
            scheduler.scheduleWithFixedDelay(() -> tickSafely(holder), 0, every, TimeUnit.MILLISECONDS);
        }
        if (console != null) {
            DaemonThreads.start("reelbot-console", () -> readConsole(engine, onConsoleCtrlC));
        }
    }

    /** A failed tick is logged and the next one tries again (an exception would cancel the schedule). */
    private static void tickSafely(GatewayHolder holder) {
        try {
            holder.tick();
        } catch (RuntimeException e) {
            log.error("the Discord gateway holder's check failed; trying again at the next", e);
        }
    }

    private void connect(String name, RetryingStart.Start start, ScheduledExecutorService scheduler,
                         ExecutorService workers) {
        RetryingStart connection = new RetryingStart(name, start, scheduler, workers);
        connections.add(connection);
        connection.begin();
    }

    /** Adds each platform's connection to {@code /healthz}. */
    public void addHealth(HealthReport health) {
        if (slack != null) {
            health.add("slack", () -> slack.isConnected() ? Health.up("connected") : down("slack"));
        }
        if (discord != null) {
            health.add("discord", () -> GatewayHealth.of(gateway.get()));
        }
    }

    private Health down(String name) {
        String why = lastError(name);
        return Health.down(why != null ? why : "disconnected; reconnecting");
    }

    private String lastError(String name) {
        return connections.stream().filter(c -> c.name().equals(name)).map(RetryingStart::lastError)
                .filter(e -> e != null).findFirst().orElse(null);
    }

    /** The first step of a graceful stop: no new jobs start; commands are answered with "try again". */
    public void stopTakingCommands() {
        connections.forEach(RetryingStart::stop);
        if (slack != null) {
            slack.stopServing();
        }
        // Hand the gateway to a standby at once: this instance's drain needs only REST, which it keeps.
        GatewayHolder holder = gateway.get();
        if (holder != null) {
            holder.stopServing();
            holder.close();
        }
    }

    private void readConsole(Engine engine, Runnable onCtrlC) {
        try {
            if (console.readCommands(engine.commands()) == ConsoleChat.Ending.INTERRUPTED) {
                log.info("Ctrl+C in the console: stopping");
                onCtrlC.run();
            }
        } catch (IOException e) {
            log.error("console input failed", e);
        }
    }

    /** Slack's part of the config, as the adapter takes it (the bot token is required when Slack is enabled). */
    private static SlackSettings slackSettings(SlackConfig cfg) {
        return new SlackSettings(cfg.botToken().orElseThrow(), cfg.appToken(), cfg.signingSecret(),
                cfg.mode() == SlackConfig.Mode.SOCKET, cfg.command(), cfg.apiBaseUrl(), cfg.adminChannel(),
                cfg.maxUploadBytes(), cfg.updatesPerMinute(), cfg.uploadInThread());
    }

    /** Discord's part of the config, with the admins named as {@code discord:<id>}. */
    private static DiscordSettings discordSettings(ReelbotConfig cfg) {
        DiscordConfig d = cfg.discord();
        Set<String> adminUsers = cfg.admins().users().stream().filter(u -> u.startsWith("discord:"))
                .map(u -> u.substring("discord:".length())).collect(Collectors.toSet());
        return new DiscordSettings(d.token().orElseThrow(), d.apiBaseUrl(), d.gatewayUrl(), d.commandGuilds(),
                d.adminChannel(), adminUsers, Set.copyOf(d.adminRoles()), d.defaultUploadLimit(), d.requestTimeout());
    }

    /** Disconnects every platform; the last step of a stop. */
    @Override
    public void close() throws Exception {
        GatewayHolder holder = gateway.get();
        if (holder != null) {
            holder.close();
        }
        if (discord != null) {
            discord.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (console != null) {
            console.close();
        }
    }
}
