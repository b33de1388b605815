package dev.reelbot.discord;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Secret;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.engine.Admins;
import dev.reelbot.core.engine.Engine;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.videoapi.TestApis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The whole bot on Discord for end-to-end tests: the real JDA, {@link DiscordClient} and {@link DiscordBot} against {@link FakeDiscord},
 * the real engine with SQLite and the real HTTP client against the video API simulator. The engine's steps run on
 * the test's thread ({@link #tick()}); JDA and the interaction pool run on their own, so the test awaits what
 * they do (the ephemeral answer) with a timeout instead of sleeping.
 */
final class DiscordHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final ModelCatalog MODELS = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2"),
            ModelSpec.defaultsFor("kling-v2-1")));

    final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    final ApiSimulator simulator;
    final FakeDiscord discord;
    private final Path dir;
    private final DiscordSettings settings;
    private final EngineSettings engineSettings;
    private final MediaParts media;
    private final int maxInFlight;
    DiscordClient client;
    DiscordBot bot;
    JdbcJobStore store;
    Engine engine;
    private SqliteConnections db;

    DiscordHarness(Path dir, UnaryOperator<DiscordSettings> tweak) throws InterruptedException {
        this(dir, tweak, EngineSettings.defaults(dir.resolve("videos")), MediaParts.NONE, Engine.Parts.UNLIMITED);
    }

    /** A harness whose engine keeps, fits and links videos with {@code media}. */
    DiscordHarness(Path dir, UnaryOperator<DiscordSettings> tweak, EngineSettings engineSettings, MediaParts media)
            throws InterruptedException {
        this(dir, tweak, engineSettings, media, Engine.Parts.UNLIMITED);
    }

    /** @param maxInFlight jobs in flight at the video API at once (more wait in the queue) */
    DiscordHarness(Path dir, UnaryOperator<DiscordSettings> tweak, int maxInFlight) throws InterruptedException {
        this(dir, tweak, EngineSettings.defaults(dir.resolve("videos")), MediaParts.NONE, maxInFlight);
    }

    private DiscordHarness(Path dir, UnaryOperator<DiscordSettings> tweak, EngineSettings engineSettings,
                           MediaParts media, int maxInFlight) throws InterruptedException {
        this.dir = dir;
        this.engineSettings = engineSettings;
        this.media = media;
        this.maxInFlight = maxInFlight;
        simulator = ApiSimulator.start(SimulatorOptions.defaults().withClock(clock));
        discord = FakeDiscord.start();
        settings = tweak.apply(DiscordSettings.defaults(Secret.of(FakeDiscord.TOKEN), Interactions.ADMIN_CHANNEL)
                .withEndpoints(discord.apiBaseUrl(), discord.gatewayUrl())
                .withCommandGuilds(List.of(Interactions.GUILD))
                .withAdmins(Set.of(Interactions.ADA), Set.of(Interactions.ADMIN_ROLE)));
        start();
    }

    private void start() throws InterruptedException {
        client = DiscordClient.open(settings, java.time.Clock.systemUTC());
        bot = client.connect(0, 1);
        db = SqliteConnections.open(dir.resolve("reelbot.db"));
        store = new JdbcJobStore(db);
        VideoApi api = TestApis.forSimulator(simulator, MODELS, clock, Duration.ofSeconds(5));
        engine = new Engine(new Engine.Parts(store, api, List.of(client.port()), MODELS,
                new Limits(1000, 2, List.of(), Map.of()), Quotas.DEFAULTS, new Admins(Set.of()),
                engineSettings, 64L * 1024 * 1024, "/video").withMedia(media).withMaxInFlight(maxInFlight),
                Runnable::run, clock);
        bot.serve(engine.commands());
        bot.registerCommands(engine.commands());
    }

    /** Like a process that died and started again: a new JDA session and engine, the same database. */
    int restart() throws InterruptedException {
        bot.close();
        client.close();
        db.close();
        start();
        return engine.resume();
    }

    DiscordHarness(Path dir) throws InterruptedException {
        this(dir, s -> s);
    }

    /**
     * Sends an interaction through the gateway and waits for the bot's ephemeral answer; returns its text as
     * Discord shows it (markdown escapes resolved).
     */
    String interact(ObjectNode interaction) {
        String token = interaction.get("token").asText();
        discord.gateway().dispatch("INTERACTION_CREATE", interaction);
        String path = "webhooks/" + FakeDiscord.APP_ID + "/" + token + "/messages/@original";
        await().atMost(WAIT).until(() -> !discord.calls("PATCH", path).isEmpty());
        return shown(discord.calls("PATCH", path).get(0).body().path("content").asText());
    }

    /** {@code /video prompt:...} typed by {@code user} now, in the usual channel. */
    String video(String user, String prompt, Interactions.Option... options) {
        List<Interactions.Option> all = new java.util.ArrayList<>(List.of(options));
        all.add(0, Interactions.Option.string(DiscordCommands.PROMPT, prompt));
        return interact(Interactions.slash(Instant.now(), user, List.of(), DiscordCommands.VIDEO, null, all));
    }

    /** The job id in an accepting answer ("🎬 Job `abcd2345` accepted: ..."). */
    static String jobIdIn(String answer) {
        int start = answer.indexOf('`');
        return answer.substring(start + 1, answer.indexOf('`', start + 1));
    }

    void tick() {
        engine.tick();
    }

    /** Moves time a second at a time, ticking, until no job has work left. */
    void runUntilSettled() {
        for (int second = 0; second < 3600; second++) {
            tick();
            if (engine.trackedCount() == 0) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("jobs never settled: " + store.unsettled());
    }

    Job job(String id) {
        return store.find(id).orElseThrow();
    }

    /** The messages the bot posted through channels (not interaction webhooks), in order. */
    List<FakeDiscord.Call> channelPosts() {
        return discord.calls("POST", "channels/\\d+/messages");
    }

    List<FakeDiscord.Call> channelEdits() {
        return discord.calls("PATCH", "channels/\\d+/messages/\\d+");
    }

    /** Text as Discord renders it: a backslash before a punctuation character shows just the character. */
    static String shown(String escaped) {
        return escaped.replaceAll("\\\\(\\p{Punct})", "$1");
    }

    static String embedText(JsonNode body) {
        return body.path("embeds").toString();
    }

    @Override
    public void close() {
        bot.close();
        client.close();
        db.close();
        discord.close();
        simulator.close();
    }
}
