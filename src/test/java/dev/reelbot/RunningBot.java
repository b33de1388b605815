package dev.reelbot;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** {@code run} in this JVM with the console enabled: type commands, read what it prints, call its HTTP server. */
final class RunningBot implements AutoCloseable {
    private final RunCommand command = new RunCommand();
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Integer> exit;

    /** The status code and body of one HTTP call. */
    record HttpAnswer(int code, String body) {
    }

    RunningBot(Path config, Map<String, String> env) throws Exception {
        command.config = config;
        command.env = env;
        command.in = new PipedInputStream(keyboard);
        command.out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        command.interactive = false;
        exit = thread.submit(command);
        await().atMost(Duration.ofSeconds(20)).until(() -> command.httpPort > 0 || exit.isDone());
        if (exit.isDone()) {
            throw new IllegalStateException("run exited early: " + exitCode());
        }
    }

    void type(String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    List<String> lines() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    String awaitLine(Predicate<String> wanted, Duration within) {
        await().atMost(within).until(() -> lines().stream().anyMatch(wanted));
        return lines().stream().filter(wanted).findFirst().orElseThrow();
    }

    /** The address of {@code path} on this bot's HTTP server. */
    String url(String path) {
        return "http://127.0.0.1:" + command.httpPort + path;
    }

    HttpAnswer get(String path) throws IOException {
        return get(path, Map.of());
    }

    HttpAnswer get(String path, Map<String, String> headers) throws IOException {
        Request.Builder builder = new Request.Builder().url(url(path));
        headers.forEach(builder::header);
        Request request = builder.build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            return new HttpAnswer(response.code(), response.body().string());
        }
    }

    /** What SIGTERM does; returns the exit code. */
    int stop() throws Exception {
        command.shutdown.countDown();
        return exitCode();
    }

    private int exitCode() throws Exception {
        return exit.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        command.shutdown.countDown();
        keyboard.close();
        thread.shutdownNow();
    }
}
