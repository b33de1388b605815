package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a real process, stopped the hard ways: {@code kill -9} with {@code --db} and a restart that finishes
 * the job on its message (the embedded simulator comes back with its jobs), and Ctrl+C (SIGINT), which says what
 * becomes of the running job and removes the temporary folder.
 */
class DemoStopTest {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void killedMidJobAndStartedAgainWithTheSameDbFinishesTheJobOnItsMessageWithoutARefund() throws Exception {
        Path db = dir.resolve("x.db");
        Process first = demo(List.of("--db", db.toString()), "first");
        type(first, "/video a cat surfing --duration 4\n");
        String progress = awaitLine("first.out", l -> l.contains(" edited: 🎬 Generating"));
        String jobId = progress.split(" ")[2];
        first.destroyForcibly().waitFor();

        Process second = demo(List.of("--db", db.toString()), "second");
        second.getOutputStream().close();

        assertThat(second.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("second.out"));
        assertThat(lines).last().asString().startsWith("#general msg " + jobId + " edited: ✅ Video ready");
        assertThat(lines).noneMatch(l -> l.contains(" posted: ") || l.contains("Refund") || l.contains("#admin"));
        assertThat(Files.readString(dir.resolve("second.err"))).contains("(1 resumed)");
        assertThat(dir.resolve("videos").resolve("reelbot-" + jobId + ".mp4")).exists();
    }

    @Test
    void ctrlCSaysWhatBecomesOfTheRunningJobAndRemovesTheTemporaryFolder() throws Exception {
        Process demo = demo(List.of(), "demo");
        type(demo, "/video a storm at sea [slow]\n");
        awaitLine("demo.out", l -> l.contains(" posted: "));
        assertThat(temporaryFolders()).hasSize(1);

        new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();

        assertThat(demo.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(130);
        assertThat(Files.readString(dir.resolve("demo.err"))).contains("reelbot demo: stopped. 1 unfinished job was "
                + "dropped with the temporary database; start with --db FILE to keep jobs across a stop. Removed the "
                + "temporary folder " + dir.resolve("tmp"));
        assertThat(temporaryFolders()).isEmpty();
    }

    /** {@code demo} with quick jobs, its own temporary folder, stdout and stderr in {@code name.out/.err}. */
    private Process demo(List<String> options, String name) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.concat(Stream.of(java, "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-cp",
                System.getProperty("java.class.path"), "dev.reelbot.Main", "demo", "--job-seconds", "6",
                "--videos", dir.resolve("videos").toString()), options.stream()).toList();
        return new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    private static void type(Process process, String text) throws IOException {
        OutputStream keyboard = process.getOutputStream();
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private String awaitLine(String file, java.util.function.Predicate<String> wanted) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readAllLines(dir.resolve(file)).stream().anyMatch(wanted));
        try {
            return Files.readAllLines(dir.resolve(file)).stream().filter(wanted).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> temporaryFolders() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("reelbot-demo")).toList();
        }
    }
}
