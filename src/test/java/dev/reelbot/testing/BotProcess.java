package dev.reelbot.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code reelbot run} as a real child process, for tests that kill it: started with the test's classpath, a config
 * file and secrets in its environment, its output in a log file, its HTTP port asked for health and metrics.
 */
public final class BotProcess {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final int port;

    private BotProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code run --config config}, serving HTTP on {@code port}, logging to {@code log}. */
    public static BotProcess start(Path config, Map<String, String> env, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.reelbot.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new BotProcess(builder.start(), port);
    }

    /** Its process id (part of its instance id). */
    public long pid() {
        return process.pid();
    }

    /** The HTTP port it serves. */
    public int port() {
        return port;
    }

    /** Waits until {@code /healthz} reports this component up. */
    public void awaitUp(String component) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get("/healthz").contains("\"" + component + "\":{\"status\":\"UP\""));
    }

    /** Waits until the process tracks no job: every accepted job is settled. */
    public void awaitNoJobTracked(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> metric("reelbot_jobs_tracked").equals("0.0"));
    }

    /** Types a line into the console chat (for a config that enables it). */
    public void typeInConsole(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** SIGKILL: no shutdown hook, no flush, like a crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then its exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    /** A metric's value as {@code /metrics} shows it, or empty when it has none. */
    public String metric(String name) throws IOException {
        for (String line : get("/metrics").split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    private String get(String path) throws IOException {
        try (Response response = HTTP.newCall(new Request.Builder().url("http://127.0.0.1:" + port + path).build())
                .execute()) {
            return response.body().string();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
