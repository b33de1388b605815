package dev.reelbot.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Each measured job's timeline, one line a job, for finding what makes a tail ({@code bench --timelines FILE}): the
 * figures say how late the slowest final messages were, a timeline says why (a poll budget spent early, a window
 * that missed the finish, a poll held up). Times in seconds after the API created the task:
 * <pre>
 * bot run=19.842 seen=0.212 final=0.301 steps=10@1.984,20@7.937,30@13.889 polls=0.004,9.112,11.140,...
 * </pre>
 * {@code run} is when the API completed it, {@code seen} and {@code final} how long after that a poll saw it and the
 * final message showed it, {@code steps} each progress the API reached and when, {@code polls} when each status poll
 * went out (a poll before the create's answer is negative).
 */
final class Timelines {
    private Timelines() {
    }

    /** Adds the timelines of {@code by}'s {@code traces} that the API completed to {@code file} (created if absent). */
    static void append(Path file, String by, List<JobTrace> traces, ApiTimeline timeline) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (JobTrace trace : traces) {
                ApiTimeline.Task task = timeline.task(trace.taskId());
                if (task != null && trace.finalShownAt() >= 0 && trace.seenCompletedAt() >= 0) {
                    out.write(line(by, trace, task));
                    out.write('\n');
                }
            }
        }
    }

    static String line(String by, JobTrace trace, ApiTimeline.Task task) {
        long zero = task.createdAt();
        StringBuilder line = new StringBuilder(by)
                .append(" run=").append(seconds(task.completedAt() - zero))
                .append(" seen=").append(seconds(trace.seenCompletedAt() - task.completedAt()))
                .append(" final=").append(seconds(trace.finalShownAt() - task.completedAt()))
                .append(" steps=");
        for (int i = 0; i < task.progress().length; i++) {
            line.append(i == 0 ? "" : ",").append(task.progress()[i]).append('@')
                    .append(seconds(task.progressAt()[i] - zero));
        }
        line.append(" polls=");
        long[] polls = trace.pollsAsked();
        for (int i = 0; i < polls.length; i++) {
            line.append(i == 0 ? "" : ",").append(seconds(polls[i] - zero));
        }
        return line.toString();
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1e6);
    }
}
