package dev.reelbot.core.engine;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.command.Limits;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import dev.reelbot.testing.FaultyJobStore;
import dev.reelbot.testing.MutableClock;
import dev.reelbot.testing.RecordingChatPort;
import dev.reelbot.videoapi.TestApis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The whole engine for end-to-end tests: the real HTTP client against the simulator, a SQLite file (behind a store
 * that fails calls when a test says so), a recording chat, and a clock the test moves. Steps run on the test's
 * thread, so {@link #tick()} finishes what it starts.
 */
final class EngineHarness implements AutoCloseable {
    static final Requester ALICE = new Requester("slack", "T1", "C1", "U_ALICE", "alice");
    static final Requester ADMIN = new Requester("slack", "T1", "C1", "U_ADMIN", "ada");

    final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    /** The simulator the engine talks to, or {@code null} for a harness {@link #onApi} another API. */
    final ApiSimulator simulator;
    final RecordingChatPort chat = new RecordingChatPort("slack");
    final ModelCatalog models;
    private final Path dir;
    private final EngineSettings settings;
    private final Quotas quotas;
    private final Executor submitters;
    private final Executor downloads;
    private final Function<MutableClock, VideoApi> apis;
    private final MediaParts media;
    private final Executor transcodes;
    /** What a test changes in the engine's parts (a limit on jobs in flight, prices, budgets). */
    private UnaryOperator<Engine.Parts> tuning = parts -> parts;
    private SqliteConnections db;
    /** The real store, for what tests check. */
    JdbcJobStore store;
    /** The store the engine uses: the real one, failing calls when a test says so. */
    FaultyJobStore faults;
    Engine engine;
    private int keys;

    EngineHarness(Path dir, SimulatorOptions simulatorOptions, EngineSettings settings, Quotas quotas,
                  ModelCatalog models) {
        this(dir, simulatorOptions, settings, quotas, models, Runnable::run);
    }

    /** @param submitters where steps that send a create request run (the test's thread unless a test says so) */
    EngineHarness(Path dir, SimulatorOptions simulatorOptions, EngineSettings settings, Quotas quotas,
                  ModelCatalog models, Executor submitters) {
        this(dir, simulatorOptions, null, settings, quotas, models, submitters, Runnable::run, MediaParts.NONE,
                Runnable::run);
    }

    private EngineHarness(Path dir, SimulatorOptions simulatorOptions, Function<MutableClock, VideoApi> api,
                          EngineSettings settings, Quotas quotas, ModelCatalog models, Executor submitters,
                          Executor downloads, MediaParts media, Executor transcodes) {
        this.dir = dir;
        this.media = media;
        this.transcodes = transcodes;
        this.submitters = submitters;
        this.downloads = downloads;
        this.models = models;
        this.settings = settings;
        this.quotas = quotas;
        this.simulator = simulatorOptions == null ? null : ApiSimulator.start(simulatorOptions.withClock(clock));
        this.apis = api != null ? api : c -> TestApis.forSimulator(this.simulator, models, c, Duration.ofMillis(700));
        start();
    }

    /**
     * An engine on another video API (a scripted gateway, built on the harness's clock), whose downloads run on
     * {@code downloads}; steps still run on the test's thread, and quotas are high enough never to refuse.
     */
    static EngineHarness onApi(Path dir, EngineSettings settings, ModelCatalog models,
                               Function<MutableClock, VideoApi> api, Executor downloads) {
        return new EngineHarness(dir, null, api, settings, new Quotas(100, 1000, 1000), models, Runnable::run, downloads,
                MediaParts.NONE, Runnable::run);
    }

    /**
     * An engine on the simulator that keeps, fits and links videos with {@code media}, its media stage running on
     * {@code transcodes}.
     */
    static EngineHarness withMedia(Path dir, EngineSettings settings, MediaParts media, Executor transcodes) {
        return new EngineHarness(dir, SimulatorOptions.defaults(), null, settings, new Quotas(100, 1000),
                DEFAULT_MODELS, Runnable::run, Runnable::run, media, transcodes);
    }

    EngineHarness(Path dir) {
        this(dir, Quotas.DEFAULTS, DEFAULT_MODELS);
    }

    EngineHarness(Path dir, Quotas quotas, ModelCatalog models) {
        this(dir, SimulatorOptions.defaults().withFlakiness(0.5, 11).withHang(Duration.ofSeconds(2)),
                EngineSettings.defaults(dir.resolve("videos")), quotas, models);
    }

    static final ModelCatalog DEFAULT_MODELS = new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2"),
            ModelSpec.defaultsFor("kling-v2-1")));

    private void start() {
        db = SqliteConnections.open(dir.resolve("reelbot.db"));
        store = new JdbcJobStore(db);
        faults = new FaultyJobStore(store);
        engine = new Engine(tuning.apply(new Engine.Parts(faults.store(), apis.apply(clock), List.of(chat), models,
                Limits.DEFAULTS, quotas, new Admins(Set.of(ADMIN.qualifiedUser())), settings, 64L * 1024 * 1024,
                "/video").withMedia(media)), Runnable::run, submitters, downloads, transcodes, clock);
    }

    /** Restarts the engine (as {@link #restart}) with its parts changed by {@code tune}: limits, prices, budgets. */
    int tune(UnaryOperator<Engine.Parts> tune) {
        tuning = tune;
        return restart();
    }

    /** Like a process that died and started again: nothing in memory survives, the database does. */
    int restart() {
        db.close();
        start();
        return engine.resume();
    }

    Reply command(Requester who, String text) {
        return command(who, text, "key-" + (++keys));
    }

    /** A command with its platform's request key: delivering it again finds the job it started. */
    Reply command(Requester who, String text, String requestKey) {
        return engine.commands().handle(who, text, requestKey);
    }

    Reply command(String text) {
        return command(ALICE, text);
    }

    void tick() {
        engine.tick();
    }

    /** Moves time a second at a time, ticking, until no job has work left. */
    void runUntilSettled() {
        runUntil(() -> engine.trackedCount() == 0);
    }

    /** Moves time a second at a time, ticking, until the job has no work left. */
    void runUntilSettled(String jobId) {
        runUntil(() -> job(jobId).isSettled());
    }

    /** Moves time a second at a time, ticking, until {@code done} holds (a test's own point to step in). */
    void runUntil(BooleanSupplier done) {
        for (int second = 0; second < 3600; second++) {
            tick();
            if (done.getAsBoolean()) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("never got there; unsettled: " + store.unsettled());
    }

    Job job(String id) {
        return store.find(id).orElseThrow();
    }

    @Override
    public void close() {
        db.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
