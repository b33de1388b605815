package dev.reelbot.core.engine;

import dev.reelbot.core.Backoff;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.ChatPort;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.billing.BudgetAlert;
import dev.reelbot.core.render.Fingerprint;
import dev.reelbot.core.render.Renderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts budget alerts in the admin room of the budget's platform, off the command's thread: each was claimed once
 * in the store, and is tried again with backoff when the admin room refuses it (every retry under the same post
 * key, so the platform shows it once).
 *
 * <p>Threading: alerts arrive on command threads; {@link #tick} runs on the scheduler and hands due ones to the
 * workers.
 */
final class BudgetAlerts implements Consumer<BudgetAlert> {
    private static final Logger log = LoggerFactory.getLogger(BudgetAlerts.class);
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
    private static final int ATTEMPTS = 12;

    private final ChatPorts chats;
    private final Renderer renderer;
    private final Executor workers;
    private final Clock clock;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    BudgetAlerts(ChatPorts chats, Renderer renderer, Executor workers, Clock clock) {
        this.chats = chats;
        this.renderer = renderer;
        this.workers = workers;
        this.clock = clock;
    }

    private record Pending(BudgetAlert alert, int attempts, Instant at) {
    }

    @Override
    public void accept(BudgetAlert alert) {
        log.warn("budget alert: {} {} of {} has used {} of its {} this month (job {})", alert.scope(),
                alert.scopeId(), alert.where().platform(), alert.spent().format(), alert.limit().format(),
                alert.jobId());
        pending.add(new Pending(alert, 0, clock.instant()));
    }

    /** Posts the alerts that are due, on the workers. */
    void tick() {
        Instant now = clock.instant();
        for (int n = pending.size(); n > 0; n--) {
            Pending next = pending.poll();
            if (next == null) {
                return;
            }
            if (next.at().isAfter(now)) {
                pending.add(next);
            } else {
                workers.execute(() -> post(next));
            }
        }
    }

    private void post(Pending attempt) {
        BudgetAlert alert = attempt.alert();
        if (!chats.serves(alert.where().platform())) {
            return;
        }
        ChatPort chat = chats.forPlatform(alert.where().platform());
        String key = "budget-" + Fingerprint.sha256Hex(alert.where().platform() + ":" + alert.where().workspace() + ":"
                + alert.scope() + ":" + alert.scopeId() + ":" + alert.resetsAt(), 8);
        try {
            chat.post(chat.adminRoom(alert.where()), renderer.budgetAlert(alert), new PostKey(key,
                    attempt.attempts() > 0));
        } catch (ChatException e) {
            if (attempt.attempts() + 1 >= ATTEMPTS) {
                log.error("budget alert for {} {} could not be posted after {} attempts: {}", alert.scope(),
                        alert.scopeId(), ATTEMPTS, e.getMessage());
                return;
            }
            Duration wait = RETRIES.after(attempt.attempts(), e.retryAfter());
            log.warn("budget alert not posted yet ({}); retrying in {}", e.getMessage(), wait);
            pending.add(new Pending(alert, attempt.attempts() + 1, clock.instant().plus(wait)));
        }
    }
}
