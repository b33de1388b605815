package dev.reelbot.slack;

import io.javalin.http.Context;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failures {@link FakeSlack} injects: an answer planned for the next call of a method, or random 429s and 5xx
 * on message, history and upload calls (a 500 to {@code chat.postMessage} sometimes after the message was made).
 *
 * <p>Threading: Jetty serves calls concurrently; the random source is used under this object's lock.
 */
final class SlackFaults {
    /** An answer planned for the next call of a method. */
    private record Planned(String method, int status, String body, String retryAfter) {
    }

    /** What to do with one call: answer it as usual, answer with {@code status} instead, or post then fail. */
    enum Outcome { NONE, ANSWERED, POSTED_THEN_FAILED }

    private final List<Planned> planned = new CopyOnWriteArrayList<>();
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger postedThenFailed = new AtomicInteger();
    private volatile double rate;
    private SplittableRandom random = new SplittableRandom(0);

    synchronized void failRandomly(double rate, long seed) {
        this.random = new SplittableRandom(seed);
        this.rate = rate;
    }

    void answerNext(String method, int status, String body, String retryAfter) {
        planned.add(new Planned(method, status, body, retryAfter));
    }

    /** How many random faults were injected: in all, and 5xx answers to a post that was made. */
    List<Integer> injected() {
        return List.of(injected.get(), postedThenFailed.get());
    }

    /** Answers the call with a planned or random failure when one is due; says what it did. */
    Outcome apply(String method, Context ctx) {
        for (Planned plan : planned) {
            if (plan.method().equals(method) && planned.remove(plan)) {
                if (plan.retryAfter() != null) {
                    ctx.header("Retry-After", plan.retryAfter());
                }
                ctx.status(plan.status()).contentType("application/json").result(plan.body());
                return Outcome.ANSWERED;
            }
        }
        int fault = next(method);
        if (fault < 0) {
            return Outcome.POSTED_THEN_FAILED;
        }
        if (fault > 0) {
            ctx.status(fault).header("Retry-After", "1").result(fault == 429
                    ? "{\"ok\":false,\"error\":\"ratelimited\"}" : "<html>upstream error</html>");
            return Outcome.ANSWERED;
        }
        return Outcome.NONE;
    }

    /** The fault to inject into this call: 0 for none, else the HTTP status; a negative 500 means "after posting". */
    private synchronized int next(String method) {
        if (rate == 0 || !(method.startsWith("chat.") || method.startsWith("files.")
                || method.equals("conversations.history") || method.equals("conversations.replies"))) {
            return 0;
        }
        if (random.nextDouble() >= rate) {
            return 0;
        }
        int status = new int[] {429, 500, 503}[random.nextInt(3)];
        injected.incrementAndGet();
        if (status == 500 && method.equals("chat.postMessage") && random.nextBoolean()) {
            postedThenFailed.incrementAndGet();
            return -500;
        }
        return status;
    }
}
