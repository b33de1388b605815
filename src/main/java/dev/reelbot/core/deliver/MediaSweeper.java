package dev.reelbot.core.deliver;

import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the media store within its bounds: removes what is older than {@code media.retention}, then, while the
 * store holds more than {@code media.max-total-size}, the oldest objects first. A link to a removed video answers
 * 404 like any unknown link.
 *
 * <p>Threading: the shared scheduler only triggers a sweep; the sweep runs on the executor it is given (listing a
 * large store, or a remote one, must never hold up the scheduler's ticks), one at a time.
 */
public final class MediaSweeper {
    private static final Logger log = LoggerFactory.getLogger(MediaSweeper.class);

    private final MediaStore store;
    private final Duration retention;
    private final long maxTotalBytes;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public MediaSweeper(MediaStore store, Duration retention, long maxTotalBytes, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.maxTotalBytes = maxTotalBytes;
        this.clock = clock;
    }

    /** What one sweep removed, and what is left. */
    public record Swept(int expired, int evicted, long bytesFreed, int left, long bytesLeft) {
    }

    /** Sweeps now, on the calling thread. */
    public Swept sweep() throws IOException {
        Instant cutoff = clock.instant().minus(retention);
        List<MediaObject> objects = store.list();
        long total = objects.stream().mapToLong(MediaObject::bytes).sum();
        int expired = 0;
        int evicted = 0;
        long freed = 0;
        int left = objects.size();
        for (MediaObject object : objects) {
            boolean old = object.storedAt().isBefore(cutoff);
            if (!old && total <= maxTotalBytes) {
                break;
            }
            store.delete(object.key());
            total -= object.bytes();
            freed += object.bytes();
            left--;
            if (old) {
                expired++;
            } else {
                evicted++;
            }
        }
        return new Swept(expired, evicted, freed, left, total);
    }

    /** Sweeps every {@code every}, starting now, on {@code worker}. */
    public void start(ScheduledExecutorService scheduler, Executor worker, Duration every) {
        scheduler.scheduleWithFixedDelay(() -> trigger(worker), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void trigger(Executor worker) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::sweepAndLog);
        } catch (RejectedExecutionException shuttingDown) {
            running.set(false);
            log.debug("media sweep skipped: the pool is shutting down");
        }
    }

    private void sweepAndLog() {
        try {
            Swept swept = sweep();
            if (swept.expired() + swept.evicted() > 0) {
                log.info("media store: removed {} videos past media.retention and {} over media.max-total-size "
                        + "({} bytes); {} left ({} bytes)", swept.expired(), swept.evicted(), swept.bytesFreed(),
                        swept.left(), swept.bytesLeft());
            }
        } catch (IOException | RuntimeException e) {
            log.error("media store sweep failed; retrying at the next sweep", e);
        } finally {
            running.set(false);
        }
    }
}
