package dev.reelbot.store;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobLeases;
import dev.reelbot.core.job.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link JobLeases} on PostgreSQL: the {@code lease_owner} and {@code lease_expires_at} columns of {@code jobs}.
 * Claims lock the rows they take with {@code FOR UPDATE SKIP LOCKED}, so instances claiming at once take disjoint
 * batches instead of queueing behind each other. A job just accepted has no lease until its instance takes it; it is
 * claimable by others only once it is older than a lease, so the accepting instance always comes first.
 *
 * <p>Times are the instances' own clocks: they must agree to well within a lease (NTP does).
 *
 * <p>Threading: thread-safe; each method is one transaction.
 */
public final class JdbcLeases implements JobLeases {
    private static final String CLAIM = "UPDATE jobs SET lease_owner = ?, lease_expires_at = ? WHERE id IN ("
            + "SELECT id FROM jobs WHERE settled = 0 AND (lease_expires_at < ? OR (lease_owner IS NULL"
            + " AND created_at < ?)) AND platform = ANY(?) ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " RETURNING *";
    private static final String TAKE = "UPDATE jobs SET lease_owner = ?, lease_expires_at = ? WHERE id = ?"
            + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at < ?)";
    private static final String RENEW = "UPDATE jobs SET lease_expires_at = ? WHERE lease_owner = ? AND settled = 0"
            + " RETURNING id";
    /** Released leases expire at once (time 0), so they are claimable without waiting out a new job's grace. */
    private static final String RELEASE = "UPDATE jobs SET lease_expires_at = 0 WHERE lease_owner = ? AND settled = 0";
    private static final String BEAT = "INSERT INTO instances (id, heartbeat_at) VALUES (?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at";
    /** Instances silent for this many leases are forgotten (their rows would otherwise pile up over restarts). */
    private static final int FORGET_AFTER_LEASES = 10;

    private final Connections connections;
    private final String owner;
    private final Duration ttl;

    public JdbcLeases(Connections connections, String owner, Duration ttl) {
        this.connections = connections;
        this.owner = owner;
        this.ttl = ttl;
    }

    @Override
    public List<Job> claim(Instant now, int max, Set<String> platforms) {
        return write("claim jobs", c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, owner);
                s.setLong(2, now.plus(ttl).toEpochMilli());
                s.setLong(3, now.toEpochMilli());
                s.setLong(4, now.minus(ttl).toEpochMilli());
                s.setArray(5, c.createArrayOf("text", platforms.toArray()));
                s.setInt(6, max);
                try (ResultSet rs = s.executeQuery()) {
                    List<Job> jobs = new ArrayList<>();
                    Row row = new Row(rs);
                    while (rs.next()) {
                        jobs.add(JobRows.read(row));
                    }
                    return jobs;
                }
            }
        });
    }

    @Override
    public boolean take(String jobId, Instant now) {
        return write("take job " + jobId, c -> {
            try (PreparedStatement s = c.prepareStatement(TAKE)) {
                s.setString(1, owner);
                s.setLong(2, now.plus(ttl).toEpochMilli());
                s.setString(3, jobId);
                s.setString(4, owner);
                s.setLong(5, now.toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Set<String> renew(Instant now) {
        return write("renew leases", c -> {
            try (PreparedStatement s = c.prepareStatement(RENEW)) {
                s.setLong(1, now.plus(ttl).toEpochMilli());
                s.setString(2, owner);
                try (ResultSet rs = s.executeQuery()) {
                    Set<String> held = new HashSet<>();
                    while (rs.next()) {
                        held.add(rs.getString(1));
                    }
                    return held;
                }
            }
        });
    }

    @Override
    public void releaseAll() {
        write("release leases", c -> {
            try (PreparedStatement s = c.prepareStatement(RELEASE);
                 PreparedStatement leave = c.prepareStatement("DELETE FROM instances WHERE id = ?")) {
                s.setString(1, owner);
                leave.setString(1, owner);
                leave.executeUpdate();
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int heartbeat(Instant now) {
        return write("record a heartbeat", c -> {
            try (PreparedStatement beat = c.prepareStatement(BEAT);
                 PreparedStatement forget = c.prepareStatement("DELETE FROM instances WHERE heartbeat_at < ?");
                 PreparedStatement count = c.prepareStatement(
                         "SELECT COUNT(*) FROM instances WHERE heartbeat_at >= ?")) {
                beat.setString(1, owner);
                beat.setLong(2, now.toEpochMilli());
                beat.executeUpdate();
                forget.setLong(1, now.minus(ttl.multipliedBy(FORGET_AFTER_LEASES)).toEpochMilli());
                forget.executeUpdate();
                count.setLong(1, now.minus(ttl).toEpochMilli());
                try (ResultSet rs = count.executeQuery()) {
                    return rs.next() ? Math.max(1, rs.getInt(1)) : 1;
                }
            }
        });
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    private <T> T write(String what, Connections.Work<T> work) {
        try {
            return connections.with(work);
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " for instance " + owner + ": " + e.getMessage(), e);
        }
    }
}
