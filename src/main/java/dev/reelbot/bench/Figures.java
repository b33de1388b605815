package dev.reelbot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one contender's run, from its jobs' {@link JobTrace}s judged against the simulator's
 * {@link ApiTimeline}, and the resources it used. Latencies in seconds unless named otherwise.
 *
 * @param jobs          commands sent
 * @param outcomes      how the jobs ended, e.g. {@code COMPLETED=1000}
 * @param creates       create requests sent
 * @param refused       of those, creates the API turned away as busy (their jobs waited in line and went again)
 * @param sentTwice     jobs the API accepted more than one create for (must be 0)
 * @param notices       refund notices posted
 * @param ackMillis     command to its answer, in milliseconds
 * @param toPost        command to its (first) create request going out
 * @param queueWait     command to the API accepting its create: its time in line behind a key limit
 * @param finals        API completion to the final message shown
 * @param finalsFree    the same, for final messages no rate limit held back
 * @param seen          API completion to the poll that saw it
 * @param delivered     that poll to the final message shown
 * @param heldShare     the share of final messages a rate limit held back
 * @param staleness     each change of the API's progress to the message showing it (or the final view)
 * @param pollsPerJob   status polls per job
 * @param updatesPerJob message posts and edits per job
 * @param invisible     edits that changed nothing visible (must be 0)
 * @param leftInProgress messages left showing a job in progress (must be 0)
 * @param resources     what the run used
 */
record Figures(int jobs, Map<String, Integer> outcomes, long creates, long refused, long sentTwice, long notices,
               Percentiles ackMillis, Percentiles toPost, Percentiles queueWait, Percentiles finals, Percentiles finalsFree, Percentiles seen,
               Percentiles delivered, double heldShare, Percentiles staleness, double pollsPerJob,
               double updatesPerJob, long invisible, long leftInProgress, Resources resources) {

    /**
     * What a run used: peaks sampled while it ran, its CPU time (the whole process's, and of that the JIT compiler
     * threads', see {@link CompilerCpu}) and how long it took.
     */
    record Resources(int peakTracked, long peakHeapUsed, long peakLiveHeap, int peakThreads, double cpuSeconds,
                     double compilerSeconds, Duration wall) {
    }

    static Figures of(List<JobTrace> traces, Percentiles ackMillis, ApiTimeline timeline,
                      Map<String, Integer> outcomes, long notices, Resources resources) {
        List<Double> toPost = new ArrayList<>();
        List<Double> queueWait = new ArrayList<>();
        List<Double> finals = new ArrayList<>();
        List<Double> finalsFree = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        List<Double> staleness = new ArrayList<>();
        long creates = 0;
        long refused = 0;
        long sentTwice = 0;
        long polls = 0;
        long updates = 0;
        long invisible = 0;
        long left = 0;
        int held = 0;
        for (JobTrace trace : traces) {
            creates += trace.creates();
            refused += trace.refusedCreates();
            sentTwice += trace.creates() - trace.refusedCreates() > 1 ? 1 : 0;
            polls += trace.polls();
            updates += trace.posts() + trace.edits();
            invisible += trace.invisibleEdits();
            left += trace.leftInProgress() ? 1 : 0;
            if (trace.createSentAt() >= 0 && trace.commandedAt() >= 0) {
                toPost.add(seconds(trace.createSentAt() - trace.commandedAt()));
            }
            if (trace.acceptedAt() >= 0 && trace.commandedAt() >= 0) {
                queueWait.add(seconds(trace.acceptedAt() - trace.commandedAt()));
            }
            ApiTimeline.Task task = timeline.task(trace.taskId());
            if (task == null || trace.finalShownAt() < 0) {
                continue;
            }
            double latency = seconds(trace.finalShownAt() - task.completedAt());
            finals.add(latency);
            if (trace.wasFinalHeld()) {
                held++;
            } else {
                finalsFree.add(latency);
            }
            if (trace.seenCompletedAt() >= 0) {
                seen.add(seconds(trace.seenCompletedAt() - task.completedAt()));
                delivered.add(seconds(trace.finalShownAt() - trace.seenCompletedAt()));
            }
            addStaleness(trace, task, staleness);
        }
        int n = Math.max(1, traces.size());
        return new Figures(traces.size(), outcomes, creates, refused, sentTwice, notices, ackMillis,
                percentiles(toPost), percentiles(queueWait), percentiles(finals), percentiles(finalsFree), percentiles(seen), percentiles(delivered),
                finals.isEmpty() ? 0 : (double) held / finals.size(), percentiles(staleness), (double) polls / n,
                (double) updates / n, invisible, left, resources);
    }

    /**
     * For each progress the API reached, how long until the message showed it or more (or, when it never did, its
     * final view): the age of what people saw.
     */
    private static void addStaleness(JobTrace trace, ApiTimeline.Task task, List<Double> into) {
        List<JobTrace.Shown> shown = new ArrayList<>(trace.shownProgress());
        shown.sort(Comparator.comparingLong(JobTrace.Shown::atMicros));
        for (int i = 0; i < task.progress().length; i++) {
            long reached = task.progressAt()[i];
            long showing = trace.finalShownAt();
            for (JobTrace.Shown s : shown) {
                if (s.progress() >= task.progress()[i]) {
                    showing = s.atMicros();
                    break;
                }
            }
            into.add(seconds(Math.max(0, showing - reached)));
        }
    }

    /** Final states as {@code COMPLETED=1000, ...}. */
    String outcomesText() {
        return outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    double cpuPer1000() {
        return resources.cpuSeconds() / Math.max(1, jobs) * 1000;
    }

    /** The same without the JIT compiler's: the steady state's cost, whichever contender ran first. */
    double cpuPer1000Compiled() {
        return (resources.cpuSeconds() - resources.compilerSeconds()) / Math.max(1, jobs) * 1000;
    }

    private static double seconds(long micros) {
        return micros / 1e6;
    }

    private static Percentiles percentiles(List<Double> values) {
        return new Percentiles(values.stream().mapToDouble(d -> d).toArray());
    }
}
