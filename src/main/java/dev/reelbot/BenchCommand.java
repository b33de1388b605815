package dev.reelbot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.reelbot.bench.Bench;
import dev.reelbot.bench.BenchOptions;
import dev.reelbot.bench.SimulatorProcess;
import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Secret;
import dev.reelbot.videoapi.GetRetryPolicy;
import dev.reelbot.videoapi.HttpVideoApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: N concurrent jobs through the whole engine against the simulator; prints the figures. */
@Command(name = "bench", description = {"Run N jobs at once through the whole engine against the API simulator "
        + "(in its own JVM) and print latency, polls, edits, heap, threads and CPU, one figure a line.",
        "Run it with the heap you mean to prove, e.g. java -Xmx300m -jar target/reelbot.jar bench --jobs 10000."})
final class BenchCommand implements Callable<Integer> {
    private static final String KEY = "bench-key";

    @Option(names = "--jobs", defaultValue = "1000", description = "Jobs to run at once. Default: ${DEFAULT-VALUE}")
    int jobs;

    @Option(names = "--job-seconds", defaultValue = "20", description = "How long each job takes at the API. "
            + "Default: ${DEFAULT-VALUE}")
    int jobSeconds;

    @Option(names = "--clients", defaultValue = "8", description = "Threads sending commands at once. Default: "
            + "${DEFAULT-VALUE}")
    int clients;

    @Override
    public Integer call() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.toLevel(System.getenv().getOrDefault("BENCH_LOG", "WARN")));
        Path dir = Files.createTempDirectory("reelbot-bench");
        BenchOptions options = new BenchOptions(jobs, jobSeconds, clients,
                Duration.ofSeconds(jobSeconds).plus(Duration.ofMinutes(10)));
        try (SimulatorProcess simulator = new SimulatorProcess(KEY, jobSeconds, List.of())) {
            System.out.println("bench: " + jobs + " jobs of " + jobSeconds + " s, simulator at " + simulator.baseUrl()
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
            new Bench(options).run(dir, o -> new HttpVideoApi(new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build(),
                    simulator.baseUrl(), Secret.of(KEY), new ModelCatalog(List.of(ModelSpec.defaultsFor("sora-2"))),
                    GetRetryPolicy.DEFAULT)).print(System.out);
        } finally {
            TempFiles.deleteTree(dir);
        }
        return 0;
    }
}
