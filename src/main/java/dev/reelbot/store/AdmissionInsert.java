package dev.reelbot.store;

import dev.reelbot.core.Money;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.Job;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one statement that writes a new job only if it fits: its requester's jobs waiting to be sent and billed jobs
 * of the day under their quotas, and its price within its channel's and workspace's budgets for the month. Checks
 * and write are one statement, so on SQLite's single writer two commands at once cannot both slip through.
 */
final class AdmissionInsert {
    /** Jobs that are not (and will never be) billed: they count toward no daily quota and no budget. */
    static final String UNBILLED = "('REJECTED', 'CANCELLED')";
    private static final String INSERT = "INSERT INTO jobs (id, version, " + String.join(", ", JobRows.COLUMNS)
            + ") SELECT ?, ?" + ", ?".repeat(JobRows.COLUMNS.size())
            + " WHERE (SELECT COUNT(*) FROM jobs WHERE platform = ? AND user_id = ?"
            + " AND state IN ('SUBMITTING', 'WAITING')) < ?"
            + " AND (SELECT COUNT(*) FROM jobs WHERE platform = ? AND user_id = ? AND state NOT IN " + UNBILLED
            + " AND created_at >= ?) < ?";
    /** A budget: the committed spend of a channel (or a workspace) this month, plus this job, within the cap. */
    private static final String WITHIN = " AND (SELECT COALESCE(SUM(price_micros), 0) FROM jobs WHERE platform = ?"
            + " AND workspace = ? %s AND created_at >= ? AND price_currency = ? AND state NOT IN " + UNBILLED
            + ") + ? <= ?";

    private AdmissionInsert() {
    }

    /** Writes the job, its columns' {@code values} ({@link JobRows#values}), if it fits; returns whether it did. */
    static boolean insert(Connection c, Job job, Object[] values, Admission admission) throws SQLException {
        Money price = job.price();
        boolean channelBudget = admission.channelCap() != null && price != null;
        boolean workspaceBudget = admission.workspaceCap() != null && price != null;
        String sql = INSERT + (channelBudget ? WITHIN.formatted("AND channel = ?") : "")
                + (workspaceBudget ? WITHIN.formatted("") : "");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, job.id());
            s.setLong(2, job.version());
            int i = JobRows.bind(s, 3, values);
            String platform = job.requester().platform();
            String user = job.requester().user();
            s.setString(i++, platform);
            s.setString(i++, user);
            s.setInt(i++, admission.quotas().queuedPerUser());
            s.setString(i++, platform);
            s.setString(i++, user);
            s.setLong(i++, admission.dayStart().toEpochMilli());
            s.setInt(i++, admission.quotas().perUserPerDay());
            if (channelBudget) {
                i = bindBudget(s, i, job, job.requester().channel(), admission, admission.channelCap());
            }
            if (workspaceBudget) {
                bindBudget(s, i, job, null, admission, admission.workspaceCap());
            }
            return s.executeUpdate() == 1;
        }
    }

    private static int bindBudget(PreparedStatement s, int first, Job job, String channel, Admission admission,
                                  Money cap) throws SQLException {
        int i = first;
        s.setString(i++, job.requester().platform());
        s.setString(i++, job.requester().workspace());
        if (channel != null) {
            s.setString(i++, channel);
        }
        s.setLong(i++, admission.monthStart().toEpochMilli());
        s.setString(i++, job.price().currency());
        s.setLong(i++, job.price().micros());
        s.setLong(i++, cap.micros());
        return i;
    }
}
