package dev.reelbot.app;

import dev.reelbot.core.engine.Engine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.LoggerFactory;

/**
 * What one demo run started (simulator, store, pools, scheduler, console), stopped once in the reverse order: at
 * the end of the run, or early on Ctrl+C or SIGTERM, then saying what happens to the jobs still running. The
 * temporary folder it made is removed either way.
 *
 * <p>Threading: the main thread and the shutdown hook may both stop it; the first does, the other waits.
 */
public final class DemoSession implements AutoCloseable {
    private final Path tempDir;
    private final Path db;
    private final boolean externalApi;
    private final PrintStream err;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private Engine engine;
    private boolean closed;

    /**
     * @param db          the {@code --db} file, or {@code null} when the jobs are in the temporary folder
     * @param externalApi whether the jobs went to a real API ({@code --api-url}), which may go on billing them
     */
    public DemoSession(Path tempDir, Path db, boolean externalApi, PrintStream err) {
        this.tempDir = tempDir;
        this.db = db;
        this.externalApi = externalApi;
        this.err = err;
    }

    /** Adds a part to stop; parts stop last-added first. */
    public synchronized <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    /** The engine: it stops ticking first, and is asked how many jobs are unfinished on an early stop. */
    public synchronized void watch(Engine running) {
        this.engine = running;
        add(running::stopTicking);
    }

    /** Ctrl+C or SIGTERM: stops now and says what becomes of the jobs still running. */
    public synchronized void interrupt() {
        if (closed) {
            return;
        }
        int unfinished = engine == null ? 0 : engine.trackedCount();
        close();
        err.println("reelbot demo: stopped. " + fate(unfinished) + " Removed the temporary folder " + tempDir + ".");
        err.flush();
    }

    private String fate(int unfinished) {
        if (unfinished == 0) {
            return "No job was running.";
        }
        String jobs = unfinished == 1 ? "1 unfinished job" : unfinished + " unfinished jobs";
        if (db != null) {
            return jobs + (unfinished == 1 ? " stays in " : " stay in ") + db + ": start the demo again with --db "
                    + db + " to finish " + (unfinished == 1 ? "it" : "them") + " on the same messages.";
        }
        return jobs + (unfinished == 1 ? " was" : " were") + " dropped with the temporary database"
                + (externalApi ? " (the video API may still run and bill " + (unfinished == 1 ? "it" : "them") + ")"
                : "") + "; start with --db FILE to keep jobs across a stop.";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                LoggerFactory.getLogger(DemoSession.class).warn("demo: could not stop a part cleanly", e);
            }
        }
        TempFiles.deleteTree(tempDir);
    }
}
