package dev.reelbot.core.deliver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a job's long blocking work (a video download; any other slow media work can use one of its own) on a
 * bounded pool of its own, and wakes the job when it is done, so the step that starts it never holds one of the
 * scheduler's workers while it runs. Work is grouped in lanes (for downloads, the host it comes from): one lane
 * runs at most half the pool's threads at once and queues the rest, so one slow host cannot take every thread
 * while work from elsewhere waits.
 *
 * <p>Threading: {@link #run} is called by job steps on the workers; the work runs on the pool; the lanes are
 * guarded by this object, and the pool is only ever called outside that lock (an inline executor then cannot run
 * work under it).
 */
final class Offload {
    private final Executor pool;
    private final int perLane;
    private final Consumer<String> wake;
    private final Map<String, Lane> lanes = new HashMap<>();

    /** The threads of one lane in use, and its work waiting for one. */
    private static final class Lane {
        int running;
        final Deque<Pending> waiting = new ArrayDeque<>();
    }

    /** Work not started yet, and the result to fail if it never can be. */
    private record Pending(Runnable task, CompletableFuture<?> result) {
    }

    /**
     * @param threads how many threads {@code pool} has: a lane gets at most half of them (at least one)
     * @param wake    asks for a step of a job (the poller's wake-up), called when its work finished
     */
    Offload(Executor pool, int threads, Consumer<String> wake) {
        this.pool = pool;
        this.perLane = Math.max(1, threads / 2);
        this.wake = wake;
    }

    /**
     * Runs {@code work} for job {@code jobId} in {@code lane}; the job is woken when it finished, unless it finished
     * before this returned (an inline pool: the caller sees the result at once). A pool shutting down completes the
     * result with {@link RejectedExecutionException}.
     */
    <T> CompletableFuture<T> run(String jobId, String lane, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicBoolean handedOver = new AtomicBoolean();
        Runnable task = () -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            } finally {
                finished(lane);
                if (!handedOver.compareAndSet(false, true)) {
                    wake.accept(jobId);
                }
            }
        };
        Pending pending = new Pending(task, result);
        if (admit(lane, pending)) {
            execute(lane, pending);
        }
        handedOver.compareAndSet(false, true);
        return result;
    }

    /** Whether {@code task} may start now; if not, it waits in its lane. */
    private synchronized boolean admit(String lane, Pending work) {
        Lane l = lanes.computeIfAbsent(lane, k -> new Lane());
        if (l.running < perLane) {
            l.running++;
            return true;
        }
        l.waiting.add(work);
        return false;
    }

    /** Frees the lane's thread, and starts its next waiting task if there is one. */
    private void finished(String lane) {
        Pending next;
        synchronized (this) {
            Lane l = lanes.get(lane);
            next = l.waiting.poll();
            if (next == null) {
                l.running--;
                if (l.running == 0) {
                    lanes.remove(lane);
                }
            }
        }
        if (next != null) {
            execute(lane, next);
        }
    }

    private void execute(String lane, Pending work) {
        try {
            pool.execute(work.task());
        } catch (RejectedExecutionException shuttingDown) {
            work.result().completeExceptionally(shuttingDown);
            finished(lane);
        }
    }
}
