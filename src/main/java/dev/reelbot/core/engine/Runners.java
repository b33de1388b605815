package dev.reelbot.core.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The {@link Poller}'s runners on the workers: at most one per worker thread, each stepping the waiting jobs, urgent
 * ones first, a few at a time; then, if more wait, it queues up again on the workers behind whatever else they have
 * to do (a platform's command, a health probe).
 *
 * <p>Threading: thread-safe; {@link #start} is called from the tick, the runners and wake-ups.
 */
final class Runners {
    /** How many steps a runner takes before it lets other work on the workers go first. */
    private static final int STEPS_PER_TURN = 8;

    private final Executor workers;
    private final int workerThreads;
    private final WaitingSteps waiting;
    private final Clock clock;
    private final Consumer<Tracked> step;
    private final BiConsumer<Tracked, Instant> putBack;
    private final AtomicInteger running = new AtomicInteger();

    /** @param putBack what to do with a waiting job when the workers refuse a runner: schedule it for later */
    Runners(Executor workers, int workerThreads, WaitingSteps waiting, Clock clock, Consumer<Tracked> step,
            BiConsumer<Tracked, Instant> putBack) {
        this.workers = workers;
        this.workerThreads = workerThreads;
        this.waiting = waiting;
        this.clock = clock;
        this.step = step;
        this.putBack = putBack;
    }

    /** Starts runners while steps wait and worker threads have none. */
    void start() {
        while (!waiting.isEmpty() && takeSlot()) {
            try {
                workers.execute(this::run);
            } catch (RuntimeException | Error refused) {
                running.decrementAndGet();
                Instant now = clock.instant();
                for (Tracked job = waiting.next(now); job != null; job = waiting.next(now)) {
                    putBack.accept(job, now);
                }
                if (!(refused instanceof RejectedExecutionException)) {
                    throw refused;
                }
                return;
            }
        }
    }

    /** Counts one more runner, unless every worker thread has one already. */
    private boolean takeSlot() {
        for (int n = running.get(); n < workerThreads; n = running.get()) {
            if (running.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private void run() {
        try {
            for (int i = 0; i < STEPS_PER_TURN; i++) {
                Tracked job = waiting.next(clock.instant());
                if (job == null) {
                    break;
                }
                step.accept(job);
            }
        } finally {
            running.decrementAndGet();
        }
        start();
    }
}
