package dev.reelbot.bench;

import dev.reelbot.core.job.JobState;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, printed one per line.
 *
 * @param refusedCreates   creates the API turned away as busy (their jobs waited in the queue and went again)
 * @param queueWaitSeconds per job the API accepted, from the command's acceptance to the API's: its time in line
 */
public record BenchReport(int jobs, Map<JobState, Integer> states, Percentiles acksMillis, Percentiles finalSeconds,
                   Percentiles seenSeconds, Percentiles deliverySeconds,
                   Duration minPollInterval, double pollsPerJob, double messageUpdatesPerJob, long invisibleEdits,
                   long messagesInProgress,
                   long creates, long notices, int peakTracked, long peakHeapUsed, long peakLiveHeap,
                   int peakThreads, double cpuSecondsPer1000, Duration wall, Percentiles burstAcksMillis,
                   Map<String, Long> deliveries, Percentiles transcodeSeconds, long refusedCreates,
                   Percentiles queueWaitSeconds) {

    /** The same figures, with a burst's acknowledgement times. */
    BenchReport withBurst(Percentiles acks) {
        return new BenchReport(jobs, states, acksMillis, finalSeconds, seenSeconds, deliverySeconds, minPollInterval,
                pollsPerJob, messageUpdatesPerJob, invisibleEdits, messagesInProgress, creates, notices, peakTracked,
                peakHeapUsed, peakLiveHeap, peakThreads, cpuSecondsPer1000, wall, acks, deliveries, transcodeSeconds,
                refusedCreates, queueWaitSeconds);
    }

    public void print(PrintStream out) {
        line(out, "jobs", "%d: %s; create requests %d (%d refused as busy), refund notices %d", jobs, states,
                creates, refusedCreates, notices);
        line(out, "queue wait (command to API acceptance) p50", "%.2f s", queueWaitSeconds.at(50));
        line(out, "queue wait (command to API acceptance) p99", "%.2f s", queueWaitSeconds.at(99));
        line(out, "queue wait (command to API acceptance) max", "%.2f s", queueWaitSeconds.at(100));
        line(out, "command-to-ack latency p50", "%.2f ms", acksMillis.at(50));
        line(out, "command-to-ack latency p99", "%.2f ms", acksMillis.at(99));
        line(out, "API-completed-to-final-message latency p50", "%.2f s", finalSeconds.at(50));
        line(out, "API-completed-to-final-message latency p99", "%.2f s (poll interval near the end: %.1f s)",
                finalSeconds.at(99), minPollInterval.toMillis() / 1000.0);
        line(out, "  of which API-completed-to-poll-seeing-it p50", "%.2f s", seenSeconds.at(50));
        line(out, "  of which API-completed-to-poll-seeing-it p99", "%.2f s", seenSeconds.at(99));
        line(out, "  of which poll-seeing-it-to-final-message p50", "%.2f s", deliverySeconds.at(50));
        line(out, "  of which poll-seeing-it-to-final-message p99", "%.2f s", deliverySeconds.at(99));
        line(out, "deliveries by kind", "%s", deliveries);
        if (transcodeSeconds.count() > 0) {
            line(out, "transcode time p50", "%.2f s (%d transcodes)", transcodeSeconds.at(50),
                    transcodeSeconds.count());
            line(out, "transcode time p99", "%.2f s", transcodeSeconds.at(99));
        }
        line(out, "GET polls per job", "%.2f", pollsPerJob);
        line(out, "message posts and edits per job", "%.2f", messageUpdatesPerJob);
        line(out, "edits without a visible change", "%d", invisibleEdits);
        line(out, "messages left showing a job in progress", "%d", messagesInProgress);
        line(out, "peak jobs tracked at once", "%d", peakTracked);
        line(out, "peak heap used", "%d MB", peakHeapUsed >> 20);
        line(out, "peak live heap after GC", "%d MB", peakLiveHeap >> 20);
        line(out, "peak threads", "%d", peakThreads);
        line(out, "CPU seconds per 1,000 jobs", "%.1f", cpuSecondsPer1000);
        line(out, "wall time", "%.1f s", wall.toMillis() / 1000.0);
        if (burstAcksMillis.count() > 0) {
            line(out, "burst: commands from one user at once", "%d, then run to the end", burstAcksMillis.count());
            line(out, "burst command-to-ack latency p50", "%.2f ms", burstAcksMillis.at(50));
            line(out, "burst command-to-ack latency p99", "%.2f ms", burstAcksMillis.at(99));
        }
    }

    private static void line(PrintStream out, String label, String format, Object... values) {
        out.println(label + ": " + String.format(Locale.ROOT, format, values));
    }
}
