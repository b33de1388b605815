package dev.reelbot;

import dev.reelbot.app.PortCheck;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.Chaos;
import dev.reelbot.simulator.Dialect;
import dev.reelbot.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate-api}: the fake video API alone, until interrupted. */
@Command(name = "simulate-api", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Serve a faithful fake of the video API (POST /v1/videos, GET /v1/videos/{id}, GET "
        + ".../content). Prompt markers pick a job's behaviour: [fail] [moderated] [slow] [flaky] [lost] [big] "
        + "[hang]; --chaos injects faults into every job; --max-concurrent limits the key's jobs at once.")
final class SimulateApiCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8090", description = "Port to listen on (0: any free port). "
            + "Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--key", description = "The Bearer key to accept. Default: $VIDEO_API_KEY, else "
            + SimulatorOptions.DEFAULT_KEY)
    String key;

    @Mixin
    JobSecondsOption jobSeconds = new JobSecondsOption(10);

    @Option(names = "--slow-seconds", defaultValue = "180", description = "How long a [slow] job takes. Default: "
            + "${DEFAULT-VALUE}")
    int slowSeconds;

    @Option(names = "--progress", defaultValue = "integer", description = "Progress as fraction (0.3), integer (30) "
            + "or percent (\"30%%\"). Default: ${DEFAULT-VALUE}")
    String progress;

    @Option(names = "--running-status", defaultValue = "in_progress", description = "The running status word: "
            + "in_progress or processing. Default: ${DEFAULT-VALUE}")
    String runningStatus;

    @Option(names = "--flaky-rate", defaultValue = "0.4", description = "Share of a [flaky] job's polls that fail. "
            + "Default: ${DEFAULT-VALUE}")
    double flakyRate;

    @Option(names = "--hang-seconds", defaultValue = "120", description = "How long the answer to a [hang] "
            + "create is held back. Default: ${DEFAULT-VALUE}")
    int hangSeconds;

    @Option(names = "--max-concurrent", defaultValue = "0", description = "Jobs the key may have queued or running at "
            + "once; a create beyond it gets the gateway's 429 (0: no limit). Default: ${DEFAULT-VALUE}")
    int maxConcurrent;

    @Mixin
    ChaosOption chaos = new ChaosOption();

    @Option(names = "--stall-seconds", defaultValue = "2", description = "How long a stalled request waits (with "
            + "--chaos). Default: ${DEFAULT-VALUE}")
    int stallSeconds;

    @Override
    public Integer call() throws InterruptedException {
        try {
            PortCheck.requireFree(host, port, "pick another with --port (0: any free port)");
        } catch (PortCheck.PortInUse e) {
            System.err.println(e.getMessage());
            return 1;
        }
        String apiKey = key != null ? key : System.getenv().getOrDefault("VIDEO_API_KEY", SimulatorOptions.DEFAULT_KEY);
        SimulatorOptions defaults = SimulatorOptions.defaults();
        SimulatorOptions options = new SimulatorOptions(host, port, apiKey, defaults.clock(),
                Duration.ofSeconds(jobSeconds.seconds), Duration.ofSeconds(Math.max(slowSeconds, jobSeconds.seconds)),
                new Dialect(Dialect.progressStyle(progress), runningStatus), flakyRate, defaults.seed(),
                Duration.ofSeconds(hangSeconds),
                chaos.on ? Chaos.standard(Duration.ofSeconds(stallSeconds)) : Chaos.NONE, Math.max(0, maxConcurrent));
        ApiSimulator simulator = ApiSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        System.out.println("Video API simulator listening on " + simulator.baseUrl());
        System.out.println("  base URL: " + simulator.baseUrl() + "/v1");
        System.out.println("  key:      " + apiKey + "   (send: Authorization: Bearer " + apiKey + ")");
        System.out.println("  markers:  " + String.join(" ", ApiSimulator.markers()));
        System.out.println("  [big]:    " + simulator.bigVideo());
        if (maxConcurrent > 0) {
            System.out.println("  limit:    " + maxConcurrent + " jobs queued or running per key (then 429); "
                    + "GET " + simulator.baseUrl() + "/_sim/creates counts accepted and refused creates");
        }
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
