package dev.reelbot.core.queue;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.QueueEntry;
import dev.reelbot.core.job.SendLimits;
import dev.reelbot.core.render.WaitingPlace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own queue of jobs not yet sent: decides which may be sent now and where the others stand. A pass reads
 * every job waiting or in flight from the store, puts the waiting ones in their fair order ({@link QueueOrder}),
 * and grants a turn to as many as the limits allow: jobs in flight across all users ({@link CapacityGate}: the
 * configured {@code video-api.max-in-flight} and what the API's refusals taught), and per requester; the granted
 * jobs are woken to send, the others learn their place and about how long they wait ({@link WaitEstimate}). A job
 * sends only with a turn ({@link #tryStart}), and only if the store, counting the jobs in flight as it marks the
 * job sending, finds room ({@link SendLimits}); its step reports how the API answered.
 *
 * <p>Several instances sharing the store each run this queue over the same line: an instance gives turns only to
 * the jobs it holds the lease of, and leaves the slot of a job another live instance holds to that instance, so the
 * line keeps one order; the store's count is what keeps them all within the limits, never this queue's view.
 *
 * <p>Threading: the pass and the bookkeeping of turns hold one lock; the places are published in a volatile map
 * the renderer reads without it. Passes run on the executor given (the workers), one at a time, when something
 * changed (at most every {@link #LEAST_GAP}, longer with a long line: {@link PassPacing}) and every {@link #PERIOD}
 * while jobs wait; a job no pass has seen goes at once when nothing limits all users and nobody is ahead of it
 * ({@link Bypass}), runs a pass on the step's own thread while the line is short, else is left to the next pass
 * (see {@link #tryStart}).
 */
public final class CapacityQueue implements WaitingPlace.Lookup {
    private static final Logger log = LoggerFactory.getLogger(CapacityQueue.class);
    static final Duration LEAST_GAP = PassPacing.LEAST_GAP;
    static final Duration PERIOD = Duration.ofSeconds(2);
    /** A turn not taken within this long (its job's step never came) is given back. */
    static final Duration TURN_EXPIRY = Duration.ofMinutes(1);
    private final JobStore store;
    private final int perUser;
    private final CapacityGate gate;
    private final RunTimes runTimes;
    private final Clock clock;
    private final Wakes wakes;
    private final Executor passes;
    private final Predicate<String> ours;
    private final boolean sole;
    private final Object lock = new Object();
    private final Map<String, Instant> granted = new HashMap<>();
    private final Set<String> starting = new HashSet<>();
    private final AtomicBoolean passRunning = new AtomicBoolean();
    /** The job sent above the learned limit to find out whether more fit, until the API answered it. */
    private String probe;
    /** The waiting jobs of this instance the last pass saw (each has a turn, or knows why not). */
    private Set<String> seen = Set.of();
    /** How many jobs the last pass found waiting or in flight. */
    private int lineSize;
    private final InFlightCount inFlight = new InFlightCount();
    private final LeftToPass leftToPass = new LeftToPass();
    private final Bypass bypass = new Bypass();
    private volatile Map<String, WaitingPlace> places = Map.of();
    private volatile boolean dirty = true;
    /** How many jobs the last pass read (waiting or being sent). */
    private volatile int lastRead;
    private volatile Instant lastPass = Instant.EPOCH;
    private volatile Instant nextPass = Instant.EPOCH;

    /** How the queue wakes jobs: to send (their turn came), or to show a new place. */
    public interface Wakes {
        void toSend(String jobId);

        void toShow(String jobId);
    }

    /**
     * @param maxInFlight jobs in flight at the API at once across all users, {@link Integer#MAX_VALUE} for no limit
     * @param perUser     jobs in flight at once per requester ({@code quotas.concurrent-jobs-per-user})
     * @param passes      where passes run (the workers)
     * @param ours        whether this instance holds a job's lease, so it may send it (always, on a store of its own)
     * @param sole        whether this is the store's only instance (SQLite): only then may a new job go without a
     *                    pass ({@link Bypass}); sharing a store, another instance's waiting jobs are seen by passes only
     */
    public CapacityQueue(JobStore store, int maxInFlight, int perUser, Clock clock, DoubleSupplier random,
                         Wakes wakes, Executor passes, Predicate<String> ours, boolean sole) {
        this.store = store;
        this.perUser = perUser;
        this.gate = new CapacityGate(maxInFlight, random);
        this.runTimes = new RunTimes(store);
        this.clock = clock;
        this.wakes = wakes;
        this.passes = passes;
        this.ours = ours;
        this.sole = sole;
    }

    /**
     * Whether {@code job} may be sent now: the limits the store must find room within as it marks the job sending
     * when it holds a turn, which is then counted as sending until {@link #done}; empty when it must wait (it then
     * knows its place, or, see {@link #awaitsPass}, learns it from the next pass). A job no pass has seen yet goes
     * at once when nothing limits all users and its requester has nothing waiting ({@link Bypass}); else it gets a
     * pass of its own while the line is short; else the next pass, shared with the jobs that arrived meanwhile,
     * wakes it to send ({@link Wakes#toSend}) whether or not its turn came then.
     */
    public Optional<SendLimits> tryStart(Job job) {
        Wakeups wakeups = Wakeups.NONE;
        Optional<SendLimits> turn = Optional.empty();
        String requester = QueueEntry.requester(job.requester().platform(), job.requester().user());
        synchronized (lock) {
            if (sole && unseen(job.id()) && bypass.mayGo(requester, gate.unlimited(clock.instant()))) {
                leftToPass.goesOn(job.id());
                bypass.goes(job.id(), requester);
                starting.add(job.id());
                return Optional.of(new SendLimits(Integer.MAX_VALUE, perUser));
            }
            if (unseen(job.id()) && lineSize >= LeftToPass.FROM && leftToPass.leave(job.id())) {
                bypass.waits(requester);
                dirty = true;
                return Optional.empty();
            }
            leftToPass.goesOn(job.id());
            if (unseen(job.id())) {
                wakeups = passLocked(clock.instant());
            }
            if (granted.remove(job.id()) != null) {
                starting.add(job.id());
                // Should the store find no room for it after all, it waits again: a pass must see it.
                bypass.goes(job.id(), requester);
                int limit = gate.limit();
                // The probe is the one job sent above the learned limit (never above the configured one).
                turn = Optional.of(new SendLimits(job.id().equals(probe) && limit < Integer.MAX_VALUE ? limit + 1
                        : limit, perUser));
            } else {
                bypass.waits(requester);
            }
        }
        wakeups.without(job.id()).send(wakes);
        return turn;
    }

    /**
     * Whether the job's last {@link #tryStart} left it to the next pass: it stays as it is (not waiting in the
     * line yet) until that pass wakes it.
     */
    public boolean awaitsPass(String jobId) {
        synchronized (lock) {
            return leftToPass.awaitsPass(jobId);
        }
    }

    private boolean unseen(String jobId) {
        return !granted.containsKey(jobId) && !seen.contains(jobId);
    }

    /**
     * The step that held a turn is done with it: the job is in flight, waiting again (the API refused it, or the
     * store found no room: another instance's job took the slot), or finished.
     */
    public void done(String jobId) {
        synchronized (lock) {
            starting.remove(jobId);
            bypass.done(jobId);
            if (jobId.equals(probe)) {
                probe = null;
            }
        }
        dirty = true;
    }

    /** The API took the job's create: it is in flight, and as many jobs as are in flight now fit. */
    public void accepted(String jobId) {
        synchronized (lock) {
            bypass.taken(jobId);
            if (!gate.unlimited(clock.instant())) {
                // Counted only for a limit to learn from: with none, passes may not run to reset the count.
                gate.accepted(inFlight.accepted(jobId, starting));
            }
        }
    }

    /**
     * The API turned the job's create away as busy: every turn not yet taken is withdrawn, sending holds for the
     * API's {@code Retry-After}, and the jobs still in flight become the limit until a probe proves more fit.
     */
    public void refused(String jobId, Optional<Duration> retryAfter) {
        Instant now = clock.instant();
        synchronized (lock) {
            if (gate.unlimited(now)) {
                // The first refusal: without a limit the jobs the API took were not counted (passes may not even
                // run), so count them now, for the limit this refusal teaches.
                inFlight.recount(store);
            }
            int others = inFlight.refused(jobId, starting);
            gate.refused(now, others, retryAfter);
            bypass.limited();
            granted.clear();
            log.info("the video API is busy: {} other jobs in flight; sending held until {}, limit now {}",
                    others, gate.holdUntil(), gate.learned().map(String::valueOf).orElse("none"));
        }
        dirty = true;
    }

    /** Something the line depends on changed (a job arrived, left the API, was cancelled or bumped): pass soon. */
    public void changed() {
        dirty = true;
    }

    /** Called on every tick of the scheduler: starts a pass on the executor when one is due; never blocks. */
    public void tick() {
        if (bypass.quiet()) {
            return;
        }
        Instant now = clock.instant();
        boolean due = dirty && !now.isBefore(lastPass.plus(PassPacing.gapAfter(lastRead))) || !now.isBefore(nextPass);
        if (!due || !passRunning.compareAndSet(false, true)) {
            return;
        }
        try {
            passes.execute(this::runPass);
        } catch (RuntimeException refused) {
            passRunning.set(false);
            log.warn("could not start a pass of the capacity queue: {}", refused.toString());
        }
    }

    @Override
    public Optional<WaitingPlace> of(String jobId) {
        return Optional.ofNullable(places.get(jobId));
    }

    private void runPass() {
        try {
            Wakeups wakeups;
            synchronized (lock) {
                wakeups = passLocked(clock.instant());
            }
            wakeups.send(wakes);
        } catch (RuntimeException e) {
            dirty = true;
            log.warn("the capacity queue could not read the store; trying again shortly: {}", e.toString());
        } finally {
            passRunning.set(false);
        }
    }

    /** One pass: reads the line, grants the turns the limits allow, publishes the places. Holds the lock. */
    private Wakeups passLocked(Instant now) {
        dirty = false;
        lastPass = now;
        leftToPass.passStarts();
        List<QueueEntry> rows = store.line();
        lastRead = rows.size();
        Line line = Line.read(rows, store.atApiByRequester(), starting, granted, now.minus(TURN_EXPIRY), ours, now);
        granted.keySet().retainAll(line.grantable());
        if (probe != null && !granted.containsKey(probe) && !starting.contains(probe)) {
            probe = null;
        }
        Set<String> newTurns = new LinkedHashSet<>();
        if (!gate.holding(now)) {
            line.grant(gate.limit(), perUser, granted, now, newTurns);
            // A probe only when the line is full and nothing else just got a turn, so the API's answer to it is
            // about the probe alone, and a refusal never costs a job that was next in line its turn.
            if (newTurns.isEmpty() && line.inFlightCount() >= gate.limit() && probe == null && gate.mayProbe(now)) {
                line.grant(gate.limit() + 1, perUser, granted, now, newTurns).ifPresent(id -> probe = id);
            }
        }
        Map<String, WaitingPlace> before = places;
        places = line.places(granted.keySet(), perUser, gate.limit(), runTimes.recent(now), gate.holdUntil(), now,
                store::atApi);
        seen = line.unsentIds();
        inFlight.passed(line);
        bypass.passed(line, leftToPass::has, gate.unlimited(now));
        lineSize = seen.size() + line.inFlightCount();
        // The jobs that asked for a turn before any pass saw them are woken to send whether or not it came: the
        // step then sends, or finds itself waiting and shows its place.
        leftToPass.wakeAll(newTurns);
        nextPass = line.unsentIds().isEmpty() ? Instant.MAX
                : gate.nextChange(now).filter(at -> at.isBefore(now.plus(PERIOD))).orElse(now.plus(PERIOD));
        return Wakeups.of(newTurns, before, places);
    }

    /** For tests and logs: the limit learned from the API's refusals, if any. */
    Optional<Integer> learnedLimit() {
        return gate.learned();
    }
}
