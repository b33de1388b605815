package dev.reelbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What can go wrong under a running bot's database, for the log and the readiness check: writes failing (a lock
 * held by another program, a full or read-only disk) and the file deleted or replaced, which SQLite does not notice
 * (it keeps writing to the unlinked file, and every change since is lost at the next start).
 *
 * <p>Threading: written by the threads that write and by the checkpoint thread, read by health checks; every
 * field is volatile and each is written whole.
 */
final class StoreWatch {
    private static final Logger log = LoggerFactory.getLogger(StoreWatch.class);
    private static final int SQLITE_CONSTRAINT = 19;

    private final Path file;
    private final Object fileKey;
    private volatile String fileProblem;
    private volatile String writeFailure;
    private volatile Instant failingSince;

    StoreWatch(Path file) {
        this.file = file;
        this.fileKey = fileKey(file);
    }

    void writeSucceeded() {
        writeFailure = null;
        failingSince = null;
    }

    /** A write that failed; a constraint violation (a repeated request) is an answer, not a failure. */
    void writeFailed(SQLException e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
            writeSucceeded();
            return;
        }
        if (writeFailure == null) {
            failingSince = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        writeFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    boolean writesFailing() {
        return writeFailure != null;
    }

    /** Checks that the database file is still the one opened; logs an error the first time it is not. */
    void checkFile() {
        if (fileProblem != null) {
            return;
        }
        String problem = !Files.exists(file) ? "was deleted"
                : !Objects.equals(fileKey, fileKey(file)) ? "was replaced by another file" : null;
        if (problem != null) {
            fileProblem = "the job database " + file + " " + problem + " while reelbot runs; changes from now on are "
                    + "lost at the next start: stop reelbot and put the database back";
            log.error(fileProblem);
        }
    }

    /** What is wrong, or empty. */
    Optional<String> problem() {
        String failure = writeFailure;
        if (fileProblem != null) {
            return Optional.of(fileProblem);
        }
        return failure == null ? Optional.empty()
                : Optional.of("writes failing since " + failingSince + ": " + failure);
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
