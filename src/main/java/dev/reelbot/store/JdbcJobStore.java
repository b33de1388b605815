package dev.reelbot.store;

import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Admission;
import dev.reelbot.core.job.FinishSample;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.QueueEntry;
import dev.reelbot.core.job.SendLimits;
import dev.reelbot.core.job.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JobStore} in plain SQL over JDBC: one {@code jobs} table, every change a compare-and-set
 * ({@code UPDATE ... WHERE id = ? AND version = ?}). The same SQL runs on the embedded SQLite database and on
 * PostgreSQL; what differs between them is behind {@link Connections}.
 *
 * <p>Threading: thread-safe; each method is one unit of work on a connection from {@link Connections}.
 */
public final class JdbcJobStore implements JobStore {
    /** How long accepting a command waits for the database: well under a chat platform's three seconds. */
    static final Duration ACCEPT_PATIENCE = Duration.ofMillis(1500);

    private final Connections connections;
    private final CompareAndSet writes;

    public JdbcJobStore(Connections connections) {
        this.connections = connections;
        this.writes = new CompareAndSet(connections);
    }

    @Override
    public boolean insertWithinQuota(Job job, Admission admission) throws DuplicateRequestException {
        try {
            return connections.withPatience(ACCEPT_PATIENCE, c -> {
                // Concurrent writers (PostgreSQL) would each count before the other's insert: one at a time per user,
                // and per workspace under a budget (always in that order, so two never wait for each other).
                Requester who = job.requester();
                connections.serialize(c, "quota " + who.platform() + " " + who.user());
                if (admission.channelCap() != null || admission.workspaceCap() != null) {
                    connections.serialize(c, "budget " + who.platform() + " " + who.workspace());
                }
                Object[] values = JobRows.values(job);
                boolean inserted = AdmissionInsert.insert(c, job, values, admission);
                if (inserted) {
                    writes.inserted(job, values);
                }
                return inserted;
            });
        } catch (SQLException e) {
            Optional<Job> existing = findByRequestKey(job.requestKey());
            if (existing.isPresent()) {
                throw new DuplicateRequestException(existing.get());
            }
            throw new StoreException("could not insert job " + job.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Job> find(String jobId) {
        return one("SELECT * FROM jobs WHERE id = ?", jobId);
    }

    @Override
    public Optional<Job> findByRequestKey(String requestKey) {
        return one("SELECT * FROM jobs WHERE request_key = ?", requestKey);
    }

    @Override
    public Optional<Job> compareAndSet(Job next) {
        return writes.update(next, null);
    }

    @Override
    public Optional<Job> compareAndSetWithin(Job next, SendLimits limits) {
        return writes.update(next, limits);
    }

    @Override
    public List<Job> unsettled() {
        return many("SELECT * FROM jobs WHERE settled = 0 ORDER BY created_at");
    }

    @Override
    public List<Job> recentJobs(String platform, String user, int limit) {
        return many("SELECT * FROM jobs WHERE platform = ? AND user_id = ? ORDER BY created_at DESC LIMIT ?",
                platform, user, Math.max(1, limit));
    }

    @Override
    public int countUnsent(String platform, String user) {
        return query("SELECT COUNT(*) FROM jobs WHERE platform = ? AND user_id = ? AND state IN ('SUBMITTING', "
                + "'WAITING')", rs -> rs.next() ? rs.getInt(1) : 0, platform, user);
    }

    @Override
    public List<Job> jobsOf(String platform, String user, Instant since) {
        return many("SELECT * FROM jobs WHERE platform = ? AND user_id = ? AND created_at >= ? ORDER BY created_at",
                platform, user, since.toEpochMilli());
    }

    @Override
    public List<Job> createdSince(Instant since) {
        return many("SELECT * FROM jobs WHERE created_at >= ? ORDER BY created_at", since.toEpochMilli());
    }

    @Override
    public Money spentSince(String platform, String workspace, String channel, Instant since, String currency) {
        String sql = "SELECT COALESCE(SUM(price_micros), 0) FROM jobs WHERE platform = ? AND workspace = ?"
                + (channel == null ? "" : " AND channel = ?") + " AND created_at >= ? AND price_currency = ?"
                + " AND state NOT IN " + AdmissionInsert.UNBILLED;
        Object[] params = channel == null ? new Object[] {platform, workspace, since.toEpochMilli(), currency}
                : new Object[] {platform, workspace, channel, since.toEpochMilli(), currency};
        return Money.ofMicros(query(sql, rs -> rs.next() ? rs.getLong(1) : 0L, params), currency);
    }

    @Override
    public List<QueueEntry> line() {
        return query(QueueRows.LINE, QueueRows::entries);
    }

    @Override
    public List<QueueEntry> atApi() {
        return query(QueueRows.AT_API, QueueRows::entries);
    }

    @Override
    public Map<String, Integer> atApiByRequester() {
        return query(QueueRows.AT_API_BY_REQUESTER, QueueRows::counts);
    }

    @Override
    public Map<String, Duration> runTimes(Instant since) {
        return query("SELECT model, AVG(finished_at - submitted_at) FROM jobs WHERE state = 'COMPLETED'"
                + " AND submitted_at IS NOT NULL AND finished_at >= ? GROUP BY model", rs -> {
                    Map<String, Duration> times = new HashMap<>();
                    while (rs.next()) {
                        times.put(rs.getString(1), Duration.ofMillis(Math.round(rs.getDouble(2))));
                    }
                    return times;
                }, since.toEpochMilli());
    }

    @Override
    public boolean claimOnce(String key, Instant now) {
        try {
            return connections.with(c -> {
                // ON CONFLICT, not NOT EXISTS: two instances claiming at once would both pass NOT EXISTS, and the
                // second would fail on the key instead of learning that the mark was made.
                try (PreparedStatement s = c.prepareStatement("INSERT INTO once_marks (mark_key, created_at) "
                        + "VALUES (?, ?) ON CONFLICT (mark_key) DO NOTHING")) {
                    s.setString(1, key);
                    s.setLong(2, now.toEpochMilli());
                    return s.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("could not mark " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Instant> billedSince(String platform, String user, Instant since) {
        return query("SELECT created_at FROM jobs WHERE platform = ? AND user_id = ? AND state NOT IN "
                + AdmissionInsert.UNBILLED + " AND created_at >= ? ORDER BY created_at", rs -> {
                    List<Instant> times = new ArrayList<>();
                    while (rs.next()) {
                        times.add(Instant.ofEpochMilli(rs.getLong(1)));
                    }
                    return times;
                }, platform, user, since.toEpochMilli());
    }

    @Override
    public List<Job> openRefunds() {
        return many("SELECT * FROM jobs WHERE refund_state IN ('NEEDED', 'NOTIFYING', 'OPEN') ORDER BY created_at");
    }

    @Override
    public Map<JobState, Integer> countByState() {
        return query("SELECT state, COUNT(*) FROM jobs GROUP BY state", rs -> {
            Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
            while (rs.next()) {
                counts.put(JobState.valueOf(rs.getString(1)), rs.getInt(2));
            }
            return counts;
        });
    }

    @Override
    public List<FinishSample> finishSamples(int perKind) {
        try {
            return connections.read(c -> FinishSampleRows.latest(c, perKind));
        } catch (SQLException e) {
            throw new StoreException("could not read the learned finish times: " + e.getMessage(), e);
        }
    }

    @Override
    public void addFinishSamples(List<FinishSample> samples, int keep) {
        if (samples.isEmpty()) {
            return;
        }
        try {
            connections.with(c -> {
                FinishSampleRows.add(c, samples, keep);
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("could not save the learned finish times: " + e.getMessage(), e);
        }
    }

    private Optional<Job> one(String sql, Object... params) {
        List<Job> jobs = many(sql, params);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    private List<Job> many(String sql, Object... params) {
        return query(sql, rs -> {
            List<Job> jobs = new ArrayList<>();
            Row row = new Row(rs);
            while (rs.next()) {
                jobs.add(JobRows.read(row));
            }
            return Collections.unmodifiableList(jobs);
        }, params);
    }

    /** Reads the result of one query. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs one of this class's queries: a fixed set of SQL strings, so their prepared statements can be kept. */
    private <T> T query(String sql, Reader<T> reader, Object... params) {
        try {
            return connections.read(c -> {
                PreparedStatement s = connections.prepare(c, sql);
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    return reader.read(rs);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("job store query failed: " + e.getMessage(), e);
        }
    }
}
