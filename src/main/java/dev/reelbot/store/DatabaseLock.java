package dev.reelbot.store;

import dev.reelbot.core.job.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Makes a job database one process's own: an OS lock on a file beside it ({@code <database>.lock}), held for the
 * process's life and released by the OS when the process ends, even by {@code kill -9}. Two processes on one
 * database would each post progress and notices, upload twice, and judge the other's jobs "outcome unknown". The
 * file says who holds it (pid, host, since), so a second process can name the first.
 *
 * <p>The lock covers a byte far past the text, so the text stays readable on systems whose locks are mandatory.
 */
final class DatabaseLock implements AutoCloseable {
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code database}, or throws naming the process that holds it. */
    static DatabaseLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot create the lock file " + file + " beside the job database ("
                    + e.getMessage() + "); reelbot needs to write in that directory", e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StoreException("the job database " + database + " is in use by another reelbot ("
                        + holder(file) + "). Stop that one first, or give this one its own database (store.path; "
                        + "demo: --db).", null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(whoAmI().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DatabaseLock(channel, lock);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new StoreException("cannot lock the job database " + database + ": " + e.getMessage(), e);
        }
    }

    /** The lock, or {@code null} when another process (or another open in this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCKED_BYTE, 1, false);
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static String whoAmI() {
        return "pid " + ProcessHandle.current().pid() + " on host " + hostName() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? "it has not said which yet" : text;
        } catch (IOException e) {
            return "its lock file cannot be read: " + e.getMessage();
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Releases the lock; the file stays, for the next holder to overwrite. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("releasing the job database lock failed", e);
        }
    }
}
