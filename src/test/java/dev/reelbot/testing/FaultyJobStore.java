package dev.reelbot.testing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobStore;
import dev.reelbot.core.job.StoreException;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.mockito.AdditionalAnswers;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * The real {@link JobStore} behind a Mockito spy that fails chosen calls, as a full disk, an I/O error or a lock held
 * too long would: a planned failure of the next call matching a condition, or random ones. A failed write fails
 * either before it reaches the database (nothing written) or after (written, but the caller is told it failed, as
 * when the answer to a commit is lost); a failed read never reached it.
 *
 * <p>Why a spy: every call is handed to the real store by Mockito ({@link AdditionalAnswers#delegatesTo}), so a
 * method the port gains later is covered (and can be failed, as a read) with no delegate to write; what is injected,
 * when, is this class's own plan, which Mockito's per-call stubbing could not express (once, for the first matching
 * job, before or after the write lands) and could not change safely while the engine's threads call the store.
 *
 * <p>Threading: thread-safe, like the store it wraps; the spy records no calls ({@code stubOnly}).
 */
public final class FaultyJobStore {

    /** The kinds of call that can be made to fail. */
    public enum Call { INSERT, COMPARE_AND_SET, READ }

    /** Whether a failed write reached the database first. */
    public enum When { BEFORE, AFTER }

    private record Planned(Call call, Predicate<Job> which, When when) {
    }

    private final Answer<Object> real;
    private final JobStore spy;
    private final Queue<Planned> planned = new ConcurrentLinkedQueue<>();
    private final Queue<Call> broken = new ConcurrentLinkedQueue<>();
    private final AtomicInteger injected = new AtomicInteger();
    private Set<Call> randomCalls = EnumSet.noneOf(Call.class);
    private double rate;
    private SplittableRandom random = new SplittableRandom(0);

    public FaultyJobStore(JobStore store) {
        this.real = AdditionalAnswers.delegatesTo(store);
        this.spy = mock(JobStore.class, withSettings().stubOnly().defaultAnswer(this::answer));
    }

    /** The store to hand the engine: the real one, failing calls when a test says so. */
    public JobStore store() {
        return spy;
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

    /** Every call of the spy: the port's own methods may fail as planned; anything else goes straight through. */
    private Object answer(InvocationOnMock invocation) throws Throwable {
        if (invocation.getMethod().getDeclaringClass() != JobStore.class) {
            return real.answer(invocation);
        }
        Call call = switch (invocation.getMethod().getName()) {
            case "insertWithinQuota" -> Call.INSERT;
            case "compareAndSet", "compareAndSetWithin" -> Call.COMPARE_AND_SET;
            default -> Call.READ;
        };
        When when = fault(call, call == Call.READ ? null : invocation.getArgument(0));
        failIf(when == When.BEFORE || call == Call.READ && when != null);
        Object result = real.answer(invocation);
        failIf(when == When.AFTER && landed(result));
        return result;
    }

    /** Whether a write reached the database: a row inserted, a compare-and-set won. */
    private static boolean landed(Object result) {
        return Boolean.TRUE.equals(result) || result instanceof Optional<?> stored && stored.isPresent();
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
