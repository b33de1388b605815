package dev.reelbot.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a benchmark run prints: one figure a line, the bot's, and with a baseline run beside it the baseline's and
 * the ratio of the two ({@code bot/baseline}: below 1 is the bot using or taking less).
 *
 * @param bot           the bot's run
 * @param burst         the bot's burst, or {@code null} when none was sent
 * @param baseline      the naive poller's run, or {@code null} without {@code --baseline}
 * @param baselineBurst the naive poller's burst, or {@code null}
 * @param deliveries    the bot's deliveries by kind, from its metrics
 * @param transcodes    the bot's transcode times in seconds (none while the bench's chat takes every upload)
 */
public record BenchReport(Figures bot, Figures burst, Figures baseline, Figures baselineBurst,
                          Map<String, Long> deliveries, Percentiles transcodes) {

    /** One figure: its label, unit, decimals and how to read it from a run's figures. */
    private record Line(String label, String unit, int decimals, ToDoubleFunction<Figures> value) {
    }

    private static final List<Line> RUN = List.of(
            new Line("command-to-ack latency p50", "ms", 2, f -> f.ackMillis().at(50)),
            new Line("command-to-ack latency p99", "ms", 2, f -> f.ackMillis().at(99)),
            new Line("command-to-POST latency p50", "s", 2, f -> f.toPost().at(50)),
            new Line("command-to-POST latency p99", "s", 2, f -> f.toPost().at(99)),
            new Line("queue wait (command to API acceptance) p50", "s", 2, f -> f.queueWait().at(50)),
            new Line("queue wait (command to API acceptance) p99", "s", 2, f -> f.queueWait().at(99)),
            new Line("queue wait (command to API acceptance) max", "s", 2, f -> f.queueWait().at(100)),
            new Line("API-completed-to-final-message latency p50", "s", 2, f -> f.finals().at(50)),
            new Line("API-completed-to-final-message latency p99", "s", 2, f -> f.finals().at(99)),
            new Line("  of which API-completed-to-poll-seeing-it p99", "s", 2, f -> f.seen().at(99)),
            new Line("  of which poll-seeing-it-to-final-message p99", "s", 2, f -> f.delivered().at(99)),
            new Line("  final messages held by rate limits", "%", 1, f -> f.heldShare() * 100),
            new Line("  final-message latency p99, those not held", "s", 2, f -> f.finalsFree().at(99)),
            new Line("progress staleness p50", "s", 2, f -> f.staleness().at(50)),
            new Line("progress staleness p99", "s", 2, f -> f.staleness().at(99)),
            new Line("GET polls per job", "", 2, Figures::pollsPerJob),
            new Line("message posts and edits per job", "", 2, Figures::updatesPerJob),
            new Line("edits without a visible change", "", 0, f -> f.invisible()),
            new Line("messages left showing a job in progress", "", 0, f -> f.leftInProgress()),
            new Line("jobs sent to the API twice", "", 0, f -> f.sentTwice()),
            new Line("peak jobs tracked at once", "", 0, f -> f.resources().peakTracked()),
            new Line("peak heap used", "MB", 0, f -> f.resources().peakHeapUsed() >> 20),
            new Line("peak live heap after GC", "MB", 0, f -> f.resources().peakLiveHeap() >> 20),
            new Line("peak threads", "", 0, f -> f.resources().peakThreads()),
            new Line("CPU seconds per 1,000 jobs", "", 2, Figures::cpuPer1000),
            new Line("  the same without the JIT compiler's", "", 2, Figures::cpuPer1000Compiled),
            new Line("wall time", "s", 1, f -> f.resources().wall().toMillis() / 1000.0));

    private static final List<Line> BURST = List.of(
            new Line("burst command-to-ack latency p50", "ms", 2, f -> f.ackMillis().at(50)),
            new Line("burst command-to-ack latency p99", "ms", 2, f -> f.ackMillis().at(99)),
            new Line("burst command-to-POST latency p50", "s", 2, f -> f.toPost().at(50)),
            new Line("burst command-to-POST latency p99", "s", 2, f -> f.toPost().at(99)),
            new Line("burst command-to-POST latency max", "s", 2, f -> f.toPost().at(100)),
            new Line("burst jobs sent to the API twice", "", 0, f -> f.sentTwice()));

    public void print(PrintStream out) {
        out.println(versus("jobs", summary(bot), baseline == null ? null : summary(baseline)));
        print(out, RUN, bot, baseline);
        out.println("deliveries by kind (the bot's, warm-up and burst included): " + deliveries);
        if (transcodes.count() > 0) {
            out.println(String.format(Locale.ROOT, "transcode time p50 / p99: %.2f s / %.2f s (%d transcodes)",
                    transcodes.at(50), transcodes.at(99), transcodes.count()));
        }
        if (burst != null) {
            out.println(versus("burst: commands from one user at once", burst.jobs() + ", then run to the end",
                    null));
            print(out, BURST, burst, baselineBurst);
        }
    }

    private static void print(PrintStream out, List<Line> lines, Figures mine, Figures theirs) {
        for (Line line : lines) {
            double value = line.value().applyAsDouble(mine);
            if (theirs == null) {
                out.println(line.label() + ": " + format(value, line));
            } else {
                double other = line.value().applyAsDouble(theirs);
                String ratio = other == 0 || Double.isNaN(other) || Double.isNaN(value) ? "-"
                        : String.format(Locale.ROOT, "%.2f", value / other);
                out.println(line.label() + ": " + format(value, line) + " | baseline " + format(other, line)
                        + " | bot/baseline " + ratio);
            }
        }
    }

    private static String summary(Figures f) {
        return f.jobs() + ": " + f.outcomesText() + "; create requests " + f.creates() + " (" + f.refused()
                + " refused as busy), refund notices " + f.notices();
    }

    private static String versus(String label, String mine, String theirs) {
        return label + ": " + mine + (theirs == null ? "" : " | baseline " + theirs);
    }

    private static String format(double value, Line line) {
        if (Double.isNaN(value)) {
            return "-";
        }
        String number = String.format(Locale.ROOT, "%." + line.decimals() + "f", value);
        return line.unit().isEmpty() ? number : line.unit().equals("%") ? number + "%" : number + " " + line.unit();
    }

    /** Every label this report prints, for tests. */
    static List<String> labels() {
        List<String> labels = new ArrayList<>();
        RUN.forEach(line -> labels.add(line.label()));
        BURST.forEach(line -> labels.add(line.label()));
        return labels;
    }
}
