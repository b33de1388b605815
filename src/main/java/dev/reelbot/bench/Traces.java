package dev.reelbot.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every job's {@link JobTrace}, found by its prompt (each bench job has its own) or by its task once created, and
 * the clock they are written on: epoch microseconds, which the simulator's timeline uses too (both JVMs read the
 * same system clock).
 *
 * <p>Threading: thread-safe.
 */
final class Traces {
    private final Map<String, JobTrace> byPrompt = new ConcurrentHashMap<>();
    private final Map<String, JobTrace> byTask = new ConcurrentHashMap<>();
    private final boolean keepPolls;

    /** @param keepPolls whether each trace keeps when its polls went out, for {@link Timelines} */
    Traces(boolean keepPolls) {
        this.keepPolls = keepPolls;
    }

    static long now() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /** The trace of the job with {@code prompt}, started if new. */
    JobTrace of(String prompt) {
        return byPrompt.computeIfAbsent(prompt, p -> new JobTrace(keepPolls));
    }

    /** The trace of a job whose create answered {@code taskId}. */
    void created(String prompt, String taskId) {
        JobTrace trace = of(prompt);
        trace.created(now(), taskId);
        byTask.put(taskId, trace);
    }

    /** The trace of the job with {@code taskId}, or {@code null} when no create answered it. */
    JobTrace ofTask(String taskId) {
        return byTask.get(taskId);
    }

    /** The traces of {@code prompts}, those that have one. */
    List<JobTrace> all(List<String> prompts) {
        return prompts.stream().map(byPrompt::get).filter(t -> t != null).toList();
    }
}
