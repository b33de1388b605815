package dev.reelbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the JVM's JIT compiler threads have used so far, read from Linux's {@code /proc/self/task/<tid>/stat}
 * (the compiler threads are not Java threads, so no MXBean tells their CPU time). A run's CPU per job is compared at
 * steady state: a contender run first compiles the HTTP client, JSON and chat code that the one run after it then
 * finds compiled, so the bench reports the CPU without the compiler's beside the whole process's. Where there is no
 * {@code /proc} (not Linux), it says 0 and the two figures are the same.
 */
final class CompilerCpu {
    /** Clock ticks per second of {@code /proc}'s times: {@code USER_HZ}, 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerCpu() {
    }

    /** Seconds of CPU used by the compiler threads alive now (a thread that ended took its count with it). */
    static double seconds() {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                ticks += compilerTicks(task.resolve("stat"));
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long compilerTicks(Path stat) {
        try {
            return compilerTicks(Files.readString(stat, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The user and system ticks of a {@code stat} line when its thread is a compiler thread ({@code C1 CompilerThre},
     * {@code C2 CompilerThre}: the name is cut at 15 characters), else 0. The name is in parentheses and may hold
     * spaces; the times are the 12th and 13th fields after it.
     */
    static long compilerTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        String name = stat.substring(open + 1, close);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
