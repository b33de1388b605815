package dev.reelbot.testing;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.core.job.StoreException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link JobStore} over the real one that fails chosen calls, as a full disk, an I/O error or a lock held too long
 * would: a planned failure of the next call matching a condition, or random ones. A failed write fails either
 * before it reaches the database (nothing written) or after (written, but the caller is told it failed, as when
 * the answer to a commit is lost); a failed read never reached it.
 *
 * <p>Threading: thread-safe, like the store it wraps.
 */
public final class FaultyJobStore implements JobStore {

    /** The kinds of call that can be made to fail. */
    public enum Call { INSERT, COMPARE_AND_SET, READ }

    /** Whether a failed write reached the database first. */
    public enum When { BEFORE, AFTER }

    private record Planned(Call call, Predicate<Job> which, When when) {
    }

    private final JobStore real;
    private final Queue<Planned> planned = new ConcurrentLinkedQueue<>();
    private final Queue<Call> broken = new ConcurrentLinkedQueue<>();
    private final AtomicInteger injected = new AtomicInteger();
    private Set<Call> randomCalls = EnumSet.noneOf(Call.class);
    private double rate;
    private SplittableRandom random = new SplittableRandom(0);

    public FaultyJobStore(JobStore real) {
        this.real = real;
    }

    /** The next {@code call} whose job matches {@code which} fails, {@code when} given (reads: always before). */
    public void failNext(Call call, Predicate<Job> which, When when) {
        planned.add(new Planned(call, which, when));
    }

    /** The next {@code call} throws as a bug would: not a {@link StoreException}, which callers expect. */
    public void breakNext(Call call) {
        broken.add(call);
    }

    /** From now on, this share of the given calls fails, writes half before and half after they land. */
    public synchronized void failRandomly(double rate, long seed, Call... calls) {
        this.rate = rate;
        this.random = new SplittableRandom(seed);
        this.randomCalls = calls.length == 0 ? EnumSet.noneOf(Call.class) : EnumSet.of(calls[0], calls);
    }

    /** How many failures were injected. */
    public int injected() {
        return injected.get();
    }

    @Override
    public boolean insertWithinQuota(Job job, Quotas quotas, Instant dayStart) throws DuplicateRequestException {
        When when = fault(Call.INSERT, job);
        failIf(when == When.BEFORE);
        boolean inserted = real.insertWithinQuota(job, quotas, dayStart);
        failIf(when == When.AFTER && inserted);
        return inserted;
    }

    @Override
    public Optional<Job> compareAndSet(Job next) {
        When when = fault(Call.COMPARE_AND_SET, next);
        failIf(when == When.BEFORE);
        Optional<Job> stored = real.compareAndSet(next);
        failIf(when == When.AFTER && stored.isPresent());
        return stored;
    }

    @Override
    public Optional<Job> find(String jobId) {
        return read(() -> real.find(jobId));
    }

    @Override
    public Optional<Job> findByRequestKey(String requestKey) {
        return read(() -> real.findByRequestKey(requestKey));
    }

    @Override
    public List<Job> unsettled() {
        return read(real::unsettled);
    }

    @Override
    public List<Job> recentJobs(String platform, String user, int limit) {
        return read(() -> real.recentJobs(platform, user, limit));
    }

    @Override
    public int countActive(String platform, String user) {
        return read(() -> real.countActive(platform, user));
    }

    @Override
    public List<Instant> billedSince(String platform, String user, Instant since) {
        return read(() -> real.billedSince(platform, user, since));
    }

    @Override
    public List<Job> openRefunds() {
        return read(real::openRefunds);
    }

    @Override
    public Map<JobState, Integer> countByState() {
        return read(real::countByState);
    }

    private <T> T read(Supplier<T> call) {
        failIf(fault(Call.READ, null) != null);
        return call.get();
    }

    /** Whether this call fails, and when; {@code null} when it does not. */
    private When fault(Call call, Job job) {
        if (broken.remove(call)) {
            injected.incrementAndGet();
            throw new IllegalStateException("injected bug in the store");
        }
        for (Planned plan : planned) {
            if (plan.call() == call && (job == null || plan.which().test(job)) && planned.remove(plan)) {
                return plan.when();
            }
        }
        synchronized (this) {
            if (!randomCalls.contains(call) || random.nextDouble() >= rate) {
                return null;
            }
            return random.nextBoolean() ? When.BEFORE : When.AFTER;
        }
    }

    private void failIf(boolean fail) {
        if (fail) {
            injected.incrementAndGet();
            throw new StoreException("injected store failure", new SQLException("[SQLITE_IOERR] disk I/O error"));
        }
    }
}
