package dev.reelbot.store;

import dev.reelbot.core.DaemonThreads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;

/**
 * An embedded SQLite database file, this process's own ({@link DatabaseLock}), migrated by Flyway on open, in WAL
 * mode. Writes go through one connection under a lock (SQLite writes one at a time anyway); reads through a second
 * one, so a read never waits behind a write that waits for the database (WAL lets readers go on meanwhile).
 *
 * <p>WAL with {@code synchronous=NORMAL} keeps every committed change across a crash or {@code kill -9} of the
 * process; only a power cut can lose the last moments. Checkpoints (copying the WAL into the database, with an
 * fsync) run on a third connection in the background every two seconds, holding writes back for the moment one takes
 * (see {@link #checkpoint}); the same thread checks that the database file is still there ({@link StoreWatch}).
 */
public final class SqliteConnections implements Connections {
    private static final Logger log = LoggerFactory.getLogger(SqliteConnections.class);
    private static final long CHECKPOINT_EVERY_MILLIS = 2_000;
    /** How long a checkpoint waits for the writer's lock before it runs beside the writes. */
    private static final long CHECKPOINT_LOCK_WAIT_MILLIS = 200;
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final Duration PROBE_PATIENCE = Duration.ofMillis(200);
    /** How often a write without a deadline looks again whether writes in a hurry are done. */
    private static final long HURRY_RECHECK_MILLIS = 50;

    private final DatabaseLock ownership;
    private final Connection writer;
    private final Connection reader;
    private final Connection checkpoints;
    private final ScheduledExecutorService checkpointer;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Signalled when no write in a hurry is waiting: writes without a deadline wait for that. */
    private final Condition nobodyInAHurry = writeLock.newCondition();
    /** Writes with a deadline (a user waits for them) waiting for the connection or on it. */
    private final AtomicInteger hurried = new AtomicInteger();
    private final ReentrantLock readLock = new ReentrantLock();
    /** The prepared statements of the writer and of the reader, each used only under its connection's lock. */
    private final StatementCache writerStatements;
    private final StatementCache readerStatements;
    private final StoreWatch watch;
    private final String description;

    SqliteConnections(DatabaseLock ownership, Connection writer, Connection reader, Connection checkpoints,
                      Path file) {
        this.ownership = ownership;
        this.writer = writer;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.writerStatements = new StatementCache(writer);
        this.readerStatements = new StatementCache(reader);
        this.description = file.toString();
        this.watch = new StoreWatch(file);
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sqlite-checkpoint"));
        checkpointer.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_EVERY_MILLIS, CHECKPOINT_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Copies the WAL into the database while no write goes on (the writer's lock is held for the few milliseconds
     * it takes), so the checkpoint reaches the last write and the next write starts the WAL over. A checkpoint beside
     * a steady stream of writes never caught up with them: the WAL was never started over, and grew for as long as
     * the writes went on (36 MB in the first 35 s of the 10,000-job benchmark, every new block of it zeroed by the
     * file system). With 2 s of writes to copy it takes milliseconds, which a write arriving meanwhile waits. It
     * does not take the lock while a write a user waits for is pending, nor wait more than
     * {@link #CHECKPOINT_LOCK_WAIT_MILLIS} for it: it then runs beside the writes as before. A passive checkpoint
     * never waits for another program's locks: it copies what it can.
     */
    private void checkpoint() {
        watch.checkFile();
        boolean locked = false;
        try {
            locked = hurried.get() == 0 && writeLock.tryLock(CHECKPOINT_LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try (Statement statement = checkpoints.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            log.warn("background checkpoint of {} failed: {}", description, e.toString());
        } finally {
            if (locked) {
                writeLock.unlock();
            }
        }
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code file}, as this process's own.
     *
     * @throws StoreException with one clear sentence when it cannot: another process holds it, its directory cannot
     *                        be written, it is not a database, it is read-only
     */
    public static SqliteConnections open(Path file) {
        return SqliteOpening.open(file);
    }

    /**
     * Writes and takes the write back: fails on a read-only database (SQLite opens one without a word and refuses
     * only the first write), or one another program keeps locked.
     */
    static void probeWrite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                statement.execute("CREATE TABLE reelbot_write_probe (x INTEGER)");
            } finally {
                statement.execute("ROLLBACK");
            }
        }
    }

    /**
     * A write, waiting as long as SQLite's busy timeout for a database another program keeps locked. Writes in a
     * hurry ({@link #withPatience}: a user waits for them) go first: this one waits while any is waiting.
     */
    @Override
    public <T> T with(Work<T> work) throws SQLException {
        writeLock.lock();
        try {
            while (hurried.get() > 0) {
                try {
                    nobodyInAHurry.await(HURRY_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the job database", e);
                }
            }
            return watched(work);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T withPatience(Duration patience, Work<T> work) throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        hurried.incrementAndGet();
        boolean locked = false;
        try {
            locked = writeLock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS);
            if (!locked) {
                throw new SQLException("the job database is busy: other writes held it for " + patience.toMillis()
                        + " ms");
            }
            SQLiteConnection sqlite = writer.unwrap(SQLiteConnection.class);
            sqlite.setBusyTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            try {
                return watched(work);
            } finally {
                sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the job database", e);
        } finally {
            // The last write in a hurry wakes the others; should it not hold the lock, they look again soon.
            if (hurried.decrementAndGet() == 0 && locked) {
                nobodyInAHurry.signalAll();
            }
            if (locked) {
                writeLock.unlock();
            }
        }
    }

    /** How many threads wait for the write connection (for tests of who goes first). */
    int writeWaiters() {
        return writeLock.getQueueLength();
    }

    private <T> T watched(Work<T> work) throws SQLException {
        try {
            T result = work.run(writer);
            watch.writeSucceeded();
            return result;
        } catch (SQLException | RuntimeException e) {
            writerStatements.close();
            if (e instanceof SQLException failed) {
                watch.writeFailed(failed);
            }
            throw e;
        }
    }

    @Override
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        if (connection == writer && writeLock.isHeldByCurrentThread()) {
            return writerStatements.prepare(sql);
        }
        if (connection == reader && readLock.isHeldByCurrentThread()) {
            return readerStatements.prepare(sql);
        }
        throw new IllegalStateException("a statement may be prepared only within a unit of work on its connection");
    }

    @Override
    public <T> T read(Work<T> work) throws SQLException {
        readLock.lock();
        try {
            return work.run(reader);
        } catch (SQLException | RuntimeException e) {
            readerStatements.close();
            throw e;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * What is wrong with the database now, or empty: the file gone or replaced, writes failing (checked again with
     * a quick write probe, so a lock that has gone clears it), or reads failing.
     */
    @Override
    public Optional<String> problem() {
        watch.checkFile();
        if (watch.writesFailing()) {
            try {
                withPatience(PROBE_PATIENCE, connection -> {
                    probeWrite(connection);
                    return null;
                });
            } catch (SQLException stillFailing) {
                log.debug("the job database still refuses writes: {}", stillFailing.toString());
            }
        }
        Optional<String> problem = watch.problem();
        if (problem.isPresent()) {
            return problem;
        }
        try {
            read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history").next();
                }
            });
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("reads failing: " + e.getMessage());
        }
    }

    /** Folds the WAL into the database and closes; a database that cannot be written any more is left as it is. */
    @Override
    public void close() {
        checkpointer.shutdownNow();
        writeLock.lock();
        readLock.lock();
        try (Statement truncate = writer.createStatement()) {
            truncate.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.warn("could not fold the write-ahead log into {} on closing: {}", description, e.toString());
        } finally {
            writerStatements.close();
            readerStatements.close();
            closeLogging(checkpoints);
            closeLogging(reader);
            closeLogging(writer);
            readLock.unlock();
            writeLock.unlock();
            ownership.close();
        }
    }

    private void closeLogging(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing a connection to {} failed: {}", description, e.toString());
        }
    }

    @Override
    public String toString() {
        return "SQLite " + description;
    }
}
