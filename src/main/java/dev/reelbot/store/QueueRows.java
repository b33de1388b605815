package dev.reelbot.store;

import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.QueueEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the capacity queue reads of the {@code jobs} table on each pass: the jobs waiting or being sent in full (light
 * rows), the jobs at the API only counted per requester, and those read in full only for wait estimates. The
 * conditions are those of the partial indexes {@code jobs_in_line} and {@code jobs_in_flight}, so each read costs
 * what it returns, however many jobs run.
 */
final class QueueRows {
    /** Jobs in flight: being sent or at the API (also what marking a job {@code SENDING} counts). */
    static final String FLYING = " AND state IN ('SENDING', 'QUEUED', 'RUNNING')";
    private static final String IN_LINE = " AND state IN ('SUBMITTING', 'WAITING', 'SENDING')";
    private static final String ENTRY = "SELECT id, platform, user_id, model, state, created_at, submitted_at,"
            + " bumped_at, lease_expires_at FROM jobs WHERE settled = 0";
    static final String LINE = ENTRY + IN_LINE;
    static final String AT_API = ENTRY + FLYING + " AND state <> 'SENDING'";
    static final String AT_API_BY_REQUESTER = "SELECT platform, user_id, COUNT(*) FROM jobs WHERE settled = 0"
            + FLYING + " AND state <> 'SENDING' GROUP BY platform, user_id";

    private QueueRows() {
    }

    static List<QueueEntry> entries(ResultSet rs) throws SQLException {
        List<QueueEntry> entries = new ArrayList<>();
        Row row = new Row(rs);
        while (rs.next()) {
            entries.add(new QueueEntry(row.string("id"), row.string("platform"), row.string("user_id"),
                    row.string("model"), JobState.valueOf(row.string("state")), row.time("created_at"),
                    row.time("submitted_at"), row.time("bumped_at"), row.time("lease_expires_at")));
        }
        return entries;
    }

    /** Counts by {@link QueueEntry#requester(String, String)}. */
    static Map<String, Integer> counts(ResultSet rs) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        while (rs.next()) {
            counts.put(QueueEntry.requester(rs.getString(1), rs.getString(2)), rs.getInt(3));
        }
        return counts;
    }
}
