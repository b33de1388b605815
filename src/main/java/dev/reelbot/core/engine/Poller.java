package dev.reelbot.core.engine;

import dev.reelbot.core.job.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler for every job: a periodic {@link #tick()} takes the jobs that are due, and each gets one
 * {@link JobRunner#step} on the worker pool; the step says when the job is due again. Never a thread per job. A
 * job's first step, which sends its create request (and posts its message), runs on a pool of its own: creates are
 * the calls that may hang and may never be retried, so they must not tie up the threads every other job needs.
 *
 * <p>When the workers cannot keep up, the steps users are waiting for go first: the due steps wait here, not in the
 * pool's queue, and at most one runner per worker thread takes them, urgent ones (a poll expected to find the job
 * finished, a delivery, a notice, a message to post again, a wake-up) before routine ones (progress polls of a job
 * not known to be about to finish, and of a job whose platform is away). A routine step that has waited
 * {@link WaitingSteps#PATIENCE} goes first too, so no job waits without end.
 *
 * <p>Threading: {@link #tick()} runs on the shared scheduler (or a test's thread); steps run on the workers. A
 * job is never stepped twice at once; a wake-up that arrives during a step runs right after it.
 */
final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration AFTER_CRASH = Duration.ofSeconds(30);

    private final Steps runner;
    private final Executor submitters;
    private final Clock clock;
    private final Runnable everyTick;
    private final DueQueue queue = new DueQueue();
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> wakeAfterStep = ConcurrentHashMap.newKeySet();
    private final WaitingSteps waiting = new WaitingSteps();
    private final Runners runners;
    private final IdleSignal idle = new IdleSignal(tracked::isEmpty);
    private final TickWatch ticks = new TickWatch();
    /** Whether the workers are threads of their own, so {@link #wakeNow} may hand them a step from any thread. */
    private final boolean dispatchesWakes;

    /**
     * @param workerThreads how many threads {@code workers} has: the poller runs no more job steps on it at once than
     *                      that, so the waiting steps stay in its own order
     */
    Poller(Steps runner, Executor workers, int workerThreads, Executor submitters, Clock clock) {
        this(runner, workers, workerThreads, submitters, clock, () -> { });
    }

    /** @param everyTick run at the start of every tick, on the ticking thread: it must not block (a queue's pass) */
    Poller(Steps runner, Executor workers, int workerThreads, Executor submitters, Clock clock, Runnable everyTick) {
        this.runner = runner;
        this.submitters = submitters;
        this.clock = clock;
        this.everyTick = everyTick;
        this.dispatchesWakes = workers instanceof ExecutorService;
        this.runners = new Runners(workers, workerThreads, waiting, clock, this::step, this::putBack);
    }

    /** One step of one job (see {@link JobRunner#step}): when it next needs a step, or empty when it is settled. */
    interface Steps {
        Optional<Instant> step(Tracked job);
    }

    /** Starts ticking on the shared scheduler. */
    void start(ScheduledExecutorService scheduler, Duration tick) {
        ticks.start(scheduler, tick, this::tick, clock);
    }

    /** Stops ticking; steps in flight finish on their own. */
    void stop() {
        ticks.stop();
    }

    /** Starts tracking a job this process just accepted, due at {@code due}; false when it is tracked already. */
    boolean trackNew(String jobId, Instant due) {
        return track(Tracked.accepted(jobId, clock.instant()), due);
    }

    /** Starts tracking a job found unfinished (at start-up, or after a failed accept); false if tracked already. */
    boolean trackResumed(Job job, Instant due) {
        return track(Tracked.resumed(job, clock.instant()), due);
    }

    private boolean track(Tracked job, Instant due) {
        if (tracked.putIfAbsent(job.jobId, job) != null) {
            return false;
        }
        queue.scheduleNoLaterThan(job.jobId, due);
        return true;
    }

    /**
     * Stops stepping a job another instance took over; a step in flight finishes (its writes compare-and-set).
     * Returns what was tracked of it, if anything.
     */
    Optional<Tracked> forget(String jobId) {
        Optional<Tracked> forgotten = Optional.ofNullable(tracked.remove(jobId));
        queue.remove(jobId);
        return forgotten;
    }

    /** Makes sure a job changed outside its steps (cancelled, refund resolved) soon gets a step that reads it. */
    void follow(Job job) {
        Optional.ofNullable(tracked.get(job.id())).ifPresent(known -> known.stale = true);
        if (!trackResumed(job, clock.instant())) {
            wake(job.id());
        }
    }

    /** Asks for a step of a tracked job as soon as possible: with the next tick. */
    void wake(String jobId) {
        wake(jobId, false);
    }

    /**
     * Asks for a step of a tracked job at once, without waiting for the next tick: for work that finished off the
     * workers (a download, a transcode) and that the requester is waiting for. It goes to the urgent lane now when the
     * workers are a pool of their own threads; with a test's inline executor (steps on the test's thread) it waits
     * for the next tick, as {@link #wake} does.
     */
    void wakeNow(String jobId) {
        wake(jobId, dispatchesWakes);
    }

    private void wake(String jobId, boolean atOnce) {
        Tracked job = tracked.get(jobId);
        if (job == null) {
            return;
        }
        if (waiting.promote(job)) {
            runners.start();
            return;
        }
        if (atOnce && !job.awaitingSubmission) {
            queue.remove(jobId);
            // In flight already: the claim asks for a step right after this one, which follows it at once.
            Tracked claimed = claim(jobId);
            if (claimed != null) {
                claimed.onSubmitPool = false;
                waiting.addUrgent(claimed);
                runners.start();
            }
            return;
        }
        if (inFlight.contains(jobId)) {
            wakeAfterStep.add(jobId);
        }
        queue.scheduleNoLaterThan(jobId, clock.instant());
    }

    /**
     * Asks for a step that sends the job's create request (its turn in the queue came): it runs on the submit
     * workers, as soon as possible, or right after the step in flight.
     */
    void wakeToSend(String jobId) {
        Tracked job = tracked.get(jobId);
        if (job == null) {
            return;
        }
        job.awaitingSubmission = true;
        if (inFlight.contains(jobId)) {
            wakeAfterStep.add(jobId);
        }
        queue.scheduleNoLaterThan(jobId, clock.instant());
    }

    /** Dispatches every due job to the workers. Tests call this directly instead of waiting for the scheduler. */
    void tick() {
        everyTick.run();
        Instant now = clock.instant();
        for (String jobId : queue.takeDue(now)) {
            Tracked job = claim(jobId);
            if (job == null) {
                continue;
            }
            job.onSubmitPool = job.awaitingSubmission;
            if (!job.onSubmitPool) {
                waiting.addUrgent(job);
                continue;
            }
            try {
                submitters.execute(() -> step(job));
            } catch (RuntimeException | Error refused) {
                putBack(job, now);
                if (!(refused instanceof RejectedExecutionException)) {
                    throw refused;
                }
            }
        }
        for (String jobId = queue.takeDueRoutine(now); jobId != null; jobId = queue.takeDueRoutine(now)) {
            Tracked job = claim(jobId);
            if (job != null) {
                job.onSubmitPool = false;
                waiting.addRoutine(job, now);
            }
        }
        runners.start();
    }

    /** The tracked job to step, or {@code null} when it is gone or already being stepped (it then runs again after). */
    private Tracked claim(String jobId) {
        Tracked job = tracked.get(jobId);
        if (job == null) {
            return null;
        }
        if (!inFlight.add(jobId)) {
            wakeAfterStep.add(jobId);
            return null;
        }
        return job;
    }

    private void putBack(Tracked job, Instant now) {
        inFlight.remove(job.jobId);
        queue.schedule(job.jobId, now.plus(AFTER_CRASH));
    }

    /** Empty while scheduled ticks complete; else since when none has (see {@link TickWatch}), for /healthz. */
    Optional<String> stall() {
        return ticks.stall(clock.instant());
    }

    private void step(Tracked job) {
        String jobId = job.jobId;
        Optional<Instant> next = null;
        try {
            next = runner.step(job);
        } catch (RuntimeException e) {
            log.error("job={} step failed; retrying in {}", jobId, AFTER_CRASH, e);
        } finally {
            if (next == null) {
                queue.schedule(jobId, clock.instant().plus(AFTER_CRASH));
            } else if (next.isPresent()) {
                queue.schedule(jobId, next.get(), job.routine);
            } else {
                tracked.remove(jobId);
                queue.remove(jobId);
            }
            inFlight.remove(jobId);
            if (wakeAfterStep.remove(jobId) && tracked.containsKey(jobId)) {
                queue.scheduleNoLaterThan(jobId, clock.instant());
            }
            idle.signalIfIdle();
        }
    }

    /** How many jobs have work left. */
    int trackedCount() {
        return tracked.size();
    }

    /** How many job steps are due and not yet finished: running, or waiting for a worker. */
    int inFlightCount() {
        return inFlight.size();
    }

    /** Waits until no job has work left, or the timeout passes; returns whether it is idle. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return idle.await(timeout);
    }
}
