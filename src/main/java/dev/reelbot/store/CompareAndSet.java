package dev.reelbot.store;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.SendLimits;
import dev.reelbot.core.job.StoreException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The store's compare-and-set of a job ({@code UPDATE ... WHERE id = ? AND version = ?}), writing only the columns
 * that changed since its own last write of the row ({@link ChangedColumns}); the one that marks a job sending also
 * counts the jobs in flight in the same statement.
 *
 * <p>Threading: thread-safe; each write is one unit of work on a connection from {@link Connections}.
 */
final class CompareAndSet {
    private static final String UPDATE = "UPDATE jobs SET version = version + 1";
    private static final String WHERE = " WHERE id = ? AND version = ?";
    private static final String IN_FLIGHT = "SELECT COUNT(*) FROM jobs WHERE settled = 0" + QueueRows.FLYING
            + " AND id <> ?";
    /** What the compare-and-set that marks a job sending adds: the jobs in flight counted in the same statement. */
    private static final String WITHIN_USER = " AND (" + IN_FLIGHT + " AND platform = ? AND user_id = ?) < ?";
    private static final String WITHIN_ALL = WITHIN_USER + " AND (" + IN_FLIGHT + ") < ?";
    private static final int[] EVERY_COLUMN = IntStream.range(0, JobRows.COLUMNS.size()).toArray();
    /** The compare-and-sets that write every column (a row this store did not write last), with their limits. */
    private static final String UPDATE_ALL = ChangedColumns.update(EVERY_COLUMN, UPDATE, WHERE);
    private static final String UPDATE_ALL_WITHIN_USER = ChangedColumns.update(EVERY_COLUMN, UPDATE,
            WHERE + WITHIN_USER);
    private static final String UPDATE_ALL_WITHIN_ALL = ChangedColumns.update(EVERY_COLUMN, UPDATE,
            WHERE + WITHIN_ALL);

    private final Connections connections;
    private final ChangedColumns changes = new ChangedColumns();

    CompareAndSet(Connections connections) {
        this.connections = connections;
    }

    /** A row was inserted as {@code job} says, with its columns' {@code values}. */
    void inserted(Job job, Object[] values) {
        changes.written(job.id(), job.version(), values, job.isSettled());
    }

    /** The compare-and-set, and with {@code limits} only while the jobs in flight leave room for this one. */
    Optional<Job> update(Job next, SendLimits limits) {
        Object[] values = JobRows.values(next);
        try {
            int updated = connections.with(c -> {
                if (limits != null) {
                    // Concurrent writers (PostgreSQL) would each count before the other's write: one at a time.
                    connections.serialize(c, "jobs in flight");
                }
                // Without a limit on all jobs in flight, only the requester's are counted (through their index).
                boolean all = limits != null && limits.inFlight() < Integer.MAX_VALUE;
                String tail = WHERE + (limits == null ? "" : all ? WITHIN_ALL : WITHIN_USER);
                int[] columns = changes.changed(next.id(), next.version(), values);
                String sql = columns == null ? null : changes.updateOf(columns, UPDATE, tail);
                if (sql == null) {
                    columns = EVERY_COLUMN;
                    sql = limits == null ? UPDATE_ALL : all ? UPDATE_ALL_WITHIN_ALL : UPDATE_ALL_WITHIN_USER;
                }
                PreparedStatement s = connections.prepare(c, sql);
                int i = 1;
                for (int column : columns) {
                    JobRows.bind(s, i++, column, values[column]);
                }
                s.setString(i++, next.id());
                s.setLong(i++, next.version());
                if (limits != null) {
                    s.setString(i++, next.id());
                    s.setString(i++, next.requester().platform());
                    s.setString(i++, next.requester().user());
                    s.setInt(i++, limits.perRequester());
                }
                if (all) {
                    s.setString(i++, next.id());
                    s.setInt(i, limits.inFlight());
                }
                return s.executeUpdate();
            });
            if (updated != 1) {
                changes.forget(next.id());
                return Optional.empty();
            }
            changes.written(next.id(), next.version() + 1, values, next.isSettled());
            return Optional.of(next.withVersion(next.version() + 1));
        } catch (SQLException | RuntimeException e) {
            changes.forget(next.id());
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("could not update job " + next.id(), e);
        }
    }
}
