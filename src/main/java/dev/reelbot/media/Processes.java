package dev.reelbot.media;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an external program to its end within a time limit: its output (stdout and stderr together) goes to a
 * temporary file, so a chatty program can never block on a full pipe, and a program past its limit (or whose
 * thread is interrupted) is killed, never left running.
 */
final class Processes {
    private Processes() {
    }

    /** How a program ended: its exit code and what it printed. */
    record Finished(int exit, String output) {
        /** The last lines of the output, for a log or an error's detail. */
        String tail() {
            List<String> lines = output.strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
    }

    static Finished run(List<String> command, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        Path log = Files.createTempFile("reelbot-process-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            try {
                if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    throw new TimeoutException("did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                kill(process);
                throw e;
            }
            return new Finished(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
