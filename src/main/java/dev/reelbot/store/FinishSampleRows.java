package dev.reelbot.store;

import dev.reelbot.core.job.FinishSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code run_times} table (learned finish times): one row per completed job, so instances sharing a PostgreSQL
 * database add theirs side by side (a second save of one job's sample does nothing) and each reads everyone's.
 * The SQL is the same on SQLite and PostgreSQL ({@code ON CONFLICT DO NOTHING}, a window function to read the latest
 * of each kind).
 */
final class FinishSampleRows {
    private static final String COLUMNS = "job_id, model, seconds, submitted_at, run_after, run_by, steps";
    private static final String INSERT = "INSERT INTO run_times (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (job_id) DO NOTHING";
    /** Drops what is older than the {@code keep}-th latest of one kind (nothing while there are fewer). */
    private static final String TRIM = "DELETE FROM run_times WHERE model = ? AND seconds = ? AND submitted_at < "
            + "(SELECT submitted_at FROM run_times WHERE model = ? AND seconds = ? ORDER BY submitted_at DESC"
            + " LIMIT 1 OFFSET ?)";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + ", ROW_NUMBER() OVER"
            + " (PARTITION BY model, seconds ORDER BY submitted_at DESC, job_id DESC) AS n FROM run_times) latest"
            + " WHERE n <= ? ORDER BY model, seconds, submitted_at, job_id";

    private FinishSampleRows() {
    }

    static List<FinishSample> latest(Connection c, int perKind) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST)) {
            s.setInt(1, perKind);
            try (ResultSet rs = s.executeQuery()) {
                List<FinishSample> samples = new ArrayList<>();
                while (rs.next()) {
                    long[] after = new long[FinishSample.TENTHS];
                    long[] by = new long[FinishSample.TENTHS];
                    readSteps(rs.getString(7), after, by);
                    samples.add(new FinishSample(rs.getString(1), rs.getString(2), rs.getInt(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5), rs.getLong(6), after, by));
                }
                return samples;
            }
        }
    }

    /** Inserts the samples not kept yet, then trims each kind they belong to down to {@code keep}. */
    static void add(Connection c, List<FinishSample> samples, int keep) throws SQLException {
        Map<String, FinishSample> kinds = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (FinishSample sample : samples) {
                s.setString(1, sample.jobId());
                s.setString(2, sample.model());
                s.setInt(3, sample.seconds());
                s.setLong(4, sample.submittedAt().toEpochMilli());
                s.setLong(5, sample.runAfter());
                s.setLong(6, sample.runBy());
                s.setString(7, steps(sample));
                s.addBatch();
                kinds.putIfAbsent(sample.model() + "\n" + sample.seconds(), sample);
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(TRIM)) {
            for (FinishSample kind : kinds.values()) {
                s.setString(1, kind.model());
                s.setInt(2, kind.seconds());
                s.setString(3, kind.model());
                s.setInt(4, kind.seconds());
                s.setInt(5, keep - 1);
                s.executeUpdate();
            }
        }
    }

    /** {@code "1:1800-2100 2:7900-8300"}: the tenths seen, each with its bounds. */
    static String steps(FinishSample sample) {
        StringJoiner steps = new StringJoiner(" ");
        for (int tenth = 0; tenth < FinishSample.TENTHS; tenth++) {
            if (sample.reached(tenth)) {
                steps.add(tenth + ":" + sample.after()[tenth] + "-" + sample.by()[tenth]);
            }
        }
        return steps.toString();
    }

    private static void readSteps(String text, long[] after, long[] by) throws SQLException {
        Arrays.fill(after, -1);
        Arrays.fill(by, -1);
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            for (String step : text.trim().split(" ")) {
                int colon = step.indexOf(':');
                int dash = step.indexOf('-', colon);
                int tenth = Integer.parseInt(step.substring(0, colon));
                after[tenth] = Long.parseLong(step.substring(colon + 1, dash));
                by[tenth] = Long.parseLong(step.substring(dash + 1));
            }
        } catch (RuntimeException e) {
            throw new SQLException("unreadable run_times steps '" + text + "'", e);
        }
    }
}
