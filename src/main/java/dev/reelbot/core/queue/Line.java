package dev.reelbot.core.queue;

import dev.reelbot.core.job.QueueEntry;
import dev.reelbot.core.render.WaitingPlace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One pass's view of the queue: the jobs waiting to be sent, in their order (every instance's: the order and the places
 * are the same wherever they are read), which of them this instance holds, and how many jobs count as in flight (at
 * the API, being sent, or holding a turn), overall and per requester. The jobs at the API are only counted (the store
 * counts them): a pass costs what waits, not what runs, however many jobs run; they are read only when waits are
 * estimated ({@link #places}).
 *
 * <p>Threading: made and used by one pass, under the queue's lock.
 */
final class Line {
    private final List<QueueEntry> order = new ArrayList<>();
    /** Jobs not at the API yet that count as in flight: being sent, holding a turn, or given one in this pass. */
    private final List<QueueEntry> flying = new ArrayList<>();
    /** Of those, the ones being sent as the pass read the line (counted one by one, unlike the jobs at the API). */
    private final Set<String> sending = new HashSet<>();
    private final Set<String> unsentIds = new HashSet<>();
    private final Set<String> grantable = new HashSet<>();
    private final Set<String> heldElsewhere = new HashSet<>();
    private final Map<String, Integer> perRequester = new HashMap<>();
    private int inFlightCount;
    private int atApiCount;

    /**
     * @param rows          every job waiting to be sent or being sent, from the store
     * @param atApi         how many jobs each requester has at the API, from the store
     * @param starting      jobs whose step holds a turn and is sending (in flight, whatever their row says yet)
     * @param granted       turns given and not yet taken, by when; those given before {@code expiredBefore} lapse
     * @param ours          whether this instance holds a job's lease (steps it): only those may get a turn here
     * @param now           leases that ran out before it hold nothing
     */
    static Line read(List<QueueEntry> rows, Map<String, Integer> atApi, Set<String> starting,
                     Map<String, Instant> granted, Instant expiredBefore, Predicate<String> ours, Instant now) {
        List<QueueEntry> waiting = new ArrayList<>();
        Line line = new Line();
        atApi.forEach((requester, count) -> {
            line.atApiCount += count;
            line.inFlightCount += count;
            line.perRequester.merge(requester, count, Integer::sum);
        });
        for (QueueEntry row : rows) {
            if (!row.state().isUnsent() || starting.contains(row.jobId())) {
                line.sending.add(row.jobId());
                line.take(row);
                continue;
            }
            waiting.add(row);
            boolean held = ours.test(row.jobId());
            if (held) {
                line.unsentIds.add(row.jobId());
            } else if (row.leaseUntil() == null || row.leaseUntil().isAfter(now)) {
                line.heldElsewhere.add(row.jobId());
            }
            Instant given = granted.get(row.jobId());
            if (held && (given == null || !given.isBefore(expiredBefore))) {
                line.grantable.add(row.jobId());
            }
            if (given != null && !given.isBefore(expiredBefore)) {
                line.take(row);
            }
        }
        line.order.addAll(QueueOrder.of(waiting));
        return line;
    }

    private Line() {
    }

    /** The waiting jobs in the order they go. */
    List<QueueEntry> order() {
        return order;
    }

    int inFlightCount() {
        return inFlightCount;
    }

    /** How many of those the store counted at the API. */
    int atApiCount() {
        return atApiCount;
    }

    int inFlightOf(String requester) {
        return perRequester.getOrDefault(requester, 0);
    }

    /** The waiting job is being sent or was given a turn: it counts as in flight from now on. */
    void take(QueueEntry job) {
        inFlightCount++;
        perRequester.merge(job.requester(), 1, Integer::sum);
        flying.add(job);
    }

    /** Jobs that may keep (or get) a turn here: held by this instance, still waiting, any turn not lapsed. */
    Set<String> grantable() {
        return grantable;
    }

    /**
     * Whether another live instance holds the waiting job (or is taking it: just accepted): it gives the job its
     * turn, so this instance leaves the job's slot free for it, and the line keeps one order across instances.
     */
    boolean heldElsewhere(String jobId) {
        return heldElsewhere.contains(jobId);
    }

    /** The jobs being sent as the pass read the line: its own steps' and, sharing a store, other instances'. */
    Set<String> sending() {
        return sending;
    }

    /** The waiting jobs this instance holds. */
    Set<String> unsentIds() {
        return unsentIds;
    }

    /**
     * Gives turns, in the line's order, to the waiting jobs whose requester is under the per-user limit, while fewer
     * than {@code limit} jobs are in flight; a job another instance holds keeps its slot for that instance. The
     * turns given are added to {@code granted} (by when) and {@code newTurns}; returns the last job given one.
     */
    Optional<String> grant(int limit, int perUser, Map<String, Instant> granted, Instant now, Set<String> newTurns) {
        String last = null;
        for (QueueEntry job : order) {
            if (inFlightCount >= limit) {
                break;
            }
            if (granted.containsKey(job.jobId()) || inFlightOf(job.requester()) >= perUser) {
                continue;
            }
            if (unsentIds.contains(job.jobId())) {
                granted.put(job.jobId(), now);
                take(job);
                newTurns.add(job.jobId());
                last = job.jobId();
            } else if (heldElsewhere(job.jobId())) {
                take(job);
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * Where each waiting job without a turn stands, and about how long it waits. Jobs with a turn still count ahead
     * until they are sent, so a place never goes back up when a turn is taken back (a refused probe).
     *
     * @param atApi the jobs in flight at the API, read only when some job waits (their ends make the estimates)
     */
    Map<String, WaitingPlace> places(Set<String> withTurn, int perUser, int limit, Map<String, Duration> runTimes,
                                     Instant startsFrom, Instant now, Supplier<List<QueueEntry>> atApi) {
        List<QueueEntry> waiting = order.stream().filter(job -> !withTurn.contains(job.jobId())).toList();
        if (waiting.isEmpty()) {
            return Map.of();
        }
        List<QueueEntry> inFlight = new ArrayList<>(atApi.get());
        inFlight.addAll(flying);
        Map<String, Duration> waits = WaitEstimate.of(inFlight, waiting, limit, perUser, runTimes, startsFrom, now);
        Map<String, WaitingPlace> places = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            QueueEntry job = order.get(i);
            if (!withTurn.contains(job.jobId())) {
                Duration wait = waits.get(job.jobId());
                places.put(job.jobId(), new WaitingPlace(i + 1, wait == null ? null : rounded(wait),
                        inFlightOf(job.requester()) >= perUser));
            }
        }
        return Map.copyOf(places);
    }

    /**
     * A wait as a message shows it, coarser the longer it is (minutes, then 5, then 15), so the message is edited
     * when the wait really moved, not at every pass.
     */
    static Duration rounded(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        long step = minutes <= 10 ? 1 : minutes <= 60 ? 5 : 15;
        return Duration.ofMinutes((minutes + step - 1) / step * step);
    }
}
