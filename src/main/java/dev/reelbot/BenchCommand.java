package dev.reelbot;

import dev.reelbot.app.LogSetup;
import dev.reelbot.app.TempFiles;
import dev.reelbot.bench.Bench;
import dev.reelbot.bench.BenchOptions;
import dev.reelbot.bench.PostgresScratch;
import dev.reelbot.bench.SimulatorProcess;
import dev.reelbot.bench.TranscodeBench;
import dev.reelbot.core.Secret;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.deliver.DownloadSettings;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.media.Ffmpeg;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcLeases;
import dev.reelbot.videoapi.HttpVideoApi;
import dev.reelbot.videoapi.VideoApiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: N concurrent jobs through the whole engine against the simulator; prints the figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run N jobs at once through the whole engine against the API simulator "
        + "(in its own JVM) and print latency, polls, edits, heap, threads and CPU, one figure a line. Run it with "
        + "the heap you mean to prove, e.g.:",
        "  java -Xmx300m -jar target/reelbot.jar bench --jobs 10000"})
final class BenchCommand implements Callable<Integer> {
    private static final String KEY = "bench-key";

    @Option(names = "--jobs", defaultValue = "1000", description = "Jobs to run at once. Default: ${DEFAULT-VALUE}")
    int jobs;

    @Mixin
    JobSecondsOption jobSeconds = new JobSecondsOption(20);

    @Option(names = "--clients", defaultValue = "8", description = "Threads sending commands at once. Default: "
            + "${DEFAULT-VALUE}")
    int clients;

    @Option(names = "--burst", defaultValue = "300", description = "Then, commands one user sends at the same moment "
            + "(their ack latency is measured; 0: none). Default: ${DEFAULT-VALUE}")
    int burst;

    @Option(names = "--max-concurrent", defaultValue = "0", description = "Jobs the simulator's key may have queued "
            + "or running at once; creates beyond it get 429s and wait in the bot's queue (0: no limit; the baseline "
            + "has no queue and fails such jobs). Default: ${DEFAULT-VALUE}")
    int maxConcurrent;

    @Mixin
    ChaosOption chaos = new ChaosOption();

    @Mixin
    TimingOptions timing = new TimingOptions();

    @Option(names = "--chat-latency", paramLabel = "DURATION", defaultValue = "50ms",
            converter = DurationConverter.class, description = "How long each chat call takes on average (evenly "
            + "from half to one and a half times it). Default: ${DEFAULT-VALUE}")
    Duration chatLatency;

    @Option(names = "--jobs-per-workspace", defaultValue = "5", description = "Jobs sharing one Slack-like "
            + "workspace's edit budget (45 a minute). Default: ${DEFAULT-VALUE}")
    int perWorkspace;

    @Option(names = "--warm-up", defaultValue = "200", description = "Jobs run first and not counted: they warm "
            + "the JIT (and the baseline's). Default: ${DEFAULT-VALUE}")
    int warmUp;

    @Option(names = "--workers", defaultValue = "0", description = "The bot's workers, as poller.workers (1..64); "
            + "0 keeps its default (32). The baseline keeps its 8 threads. Default: ${DEFAULT-VALUE}")
    int workers;

    @Option(names = "--baseline", description = "Then run the same load through a naive poller (every job polled "
            + "every 2 s by 8 threads, jobs kept in memory) and print both side by side, with ratios.")
    boolean baseline;

    @Option(names = "--timelines", paramLabel = "FILE", description = "Also write each measured job's timeline to "
            + "FILE, a line each (when the API reached each step and completed, when each poll went out, how late the "
            + "final message was), to find what makes a tail. Replaced if it exists.")
    Path timelines;

    @Option(names = "--store", defaultValue = "sqlite", description = "Where the jobs are kept: sqlite (a file in a "
            + "temporary folder) or postgres (a scratch schema on --store-url, dropped afterwards). Default: "
            + "${DEFAULT-VALUE}")
    String store;

    @Option(names = "--store-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/reelbot", description = "The "
            + "PostgreSQL database for --store postgres, as a JDBC URL (its password from STORE_PASSWORD). Default: "
            + "the database reelbot on this machine, port 5432.")
    String storeUrl;

    @Option(names = "--store-user", description = "The PostgreSQL user for --store postgres.")
    String storeUser;

    @Option(names = "--transcode", description = "Instead of the jobs: time fitting one clip under an upload limit "
            + "with ffmpeg (the clip is made first, --transcode-seconds long at --transcode-size).")
    boolean transcode;

    @Option(names = "--transcode-seconds", defaultValue = "12", description = "The clip's length. Default: "
            + "${DEFAULT-VALUE}")
    int transcodeSeconds;

    @Option(names = "--transcode-size", defaultValue = "1920x1080", description = "The clip's size. Default: "
            + "${DEFAULT-VALUE}")
    String transcodeSize;

    @Option(names = "--transcode-limit-mib", defaultValue = "10", description = "The upload limit to fit under, in "
            + "MiB (10: an unboosted Discord server). Default: ${DEFAULT-VALUE}")
    int transcodeLimitMib;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        requireAtLeastOne("--jobs", jobs);
        requireAtLeastOne("--job-seconds", jobSeconds.seconds);
        requireAtLeastOne("--clients", clients);
        requireAtLeastOne("--jobs-per-workspace", perWorkspace);
        if (!store.equals("sqlite") && !store.equals("postgres")) {
            throw new ParameterException(spec.commandLine(), "--store must be sqlite or postgres (was " + store + ")");
        }
        // The figures go to stdout; routine logs (one per job event) would drown them.
        LogSetup.quietUnlessAsked();
        Path dir = Files.createTempDirectory("reelbot-bench");
        if (transcode) {
            try {
                return transcode(dir);
            } finally {
                TempFiles.deleteTree(dir);
            }
        }
        BenchOptions options = new BenchOptions(jobs, jobSeconds.seconds, clients,
                Duration.ofSeconds(jobSeconds.seconds * 2L).plus(Duration.ofMinutes(10)), burst, Math.max(0, warmUp),
                chatLatency, perWorkspace, baseline, workers, timelines);
        if (timelines != null) {
            Files.deleteIfExists(timelines);
        }
        if (workers < 0 || workers > 64) {
            throw new ParameterException(spec.commandLine(), "--workers must be within 0..64");
        }
        if (maxConcurrent < 0) {
            throw new ParameterException(spec.commandLine(), "--max-concurrent must not be negative");
        }
        List<String> simulatorOptions = new ArrayList<>(timing.asArguments());
        simulatorOptions.addAll(List.of("--max-concurrent", Integer.toString(maxConcurrent)));
        if (chaos.on) {
            simulatorOptions.addAll(List.of("--chaos", "--stall-seconds", "1", "--hang-seconds", "40"));
        }
        try (SimulatorProcess simulator = new SimulatorProcess(KEY, jobSeconds.seconds, simulatorOptions)) {
            System.out.println("bench: " + jobs + " jobs of " + jobSeconds.seconds + " s"
                    + (chaos.on ? " with chaos" : "")
                    + (maxConcurrent > 0 ? ", the key limited to " + maxConcurrent + " jobs at once" : "")
                    + " (" + String.join(" ", timing.asArguments())
                    + "), chat calls " + chatLatency.toMillis() + " ms, " + perWorkspace + " jobs per workspace, "
                    + warmUp + " warm-up jobs first, bot workers " + (workers > 0 ? workers
                    : EngineSettings.defaults(Path.of(".")).workers() + " (default)")
                    + ", simulator at " + simulator.baseUrl()
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
            VideoApi client = HttpVideoApi.connect(new VideoApiSettings(simulator.baseUrl(), Secret.of(KEY),
                    Bench.MODELS, Duration.ofSeconds(10), Duration.ofSeconds(30), 3, Map.of(),
                    DownloadSettings.DEFAULTS));
            if (store.equals("postgres")) {
                benchOnPostgres(options, dir, client, simulator.baseUrl());
            } else {
                System.out.println("store: SQLite");
                new Bench(options).run(dir, client, simulator.baseUrl()).print(System.out);
            }
            simulator.printCreates(System.out);
        } finally {
            TempFiles.deleteTree(dir);
        }
        return 0;
    }

    /** The bench on a scratch schema of {@code --store-url}, as one instance holding leases, as run does there. */
    private void benchOnPostgres(BenchOptions options, Path dir, VideoApi client, String simulatorUrl)
            throws Exception {
        Optional<Secret> password = Optional.ofNullable(System.getenv("STORE_PASSWORD")).filter(p -> !p.isBlank())
                .map(Secret::of);
        EngineSettings settings = EngineSettings.defaults(dir);
        try (PostgresScratch scratch = new PostgresScratch(storeUrl, Optional.ofNullable(storeUser), password);
             Connections db = scratch.open(settings.workers() + settings.submitWorkers() + 4)) {
            System.out.println("store: " + db);
            new Bench(options).run(dir, client, simulatorUrl, db, new JdbcLeases(db, "bench", Duration.ofSeconds(15)))
                    .print(System.out);
        }
    }

    private int transcode(Path dir) throws Exception {
        requireAtLeastOne("--transcode-seconds", transcodeSeconds);
        requireAtLeastOne("--transcode-limit-mib", transcodeLimitMib);
        if (!transcodeSize.matches("\\d{2,5}x\\d{2,5}")) {
            throw new ParameterException(spec.commandLine(), "--transcode-size must be WIDTHxHEIGHT, like 1920x1080");
        }
        Ffmpeg.Detection ffmpeg = Ffmpeg.detect(null, System.getenv("PATH"));
        if (!ffmpeg.isFound()) {
            System.err.println("bench --transcode needs ffmpeg: " + ffmpeg.problem());
            return 1;
        }
        String[] size = transcodeSize.split("x");
        System.out.println("bench --transcode: " + ffmpeg.found().describe() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        new TranscodeBench(transcodeSeconds, Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                transcodeLimitMib * 1024L * 1024).run(ffmpeg.found(), dir, System.out);
        return 0;
    }

    /** A usage error (picocli prints it with the usage and exits 2) instead of figures divided by zero. */
    private void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1 (was " + value + ")");
        }
    }
}
