package dev.reelbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import dev.reelbot.core.text.Languages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each Slack user's language: Slack sends none with a command, so it is read with {@code users.info} and
 * {@code include_locale} (the user's Slack language, e.g. {@code zh-CN}), and kept for {@link #KEEP}. A command
 * is answered within Slack's three seconds, so a lookup waits {@link #WAIT} at most: a slower Slack (or an error)
 * gets English this once, and the lookup still fills the cache for the next command.
 *
 * <p>Threading: Bolt's threads ask through {@link #of}, whose lookups run on the executor given; work off Slack's
 * clock asks through {@link #lookUp} on its own thread; the maps are concurrent.
 */
final class SlackLocales {
    static final Duration KEEP = Duration.ofHours(6);
    static final Duration WAIT = Duration.ofMillis(800);
    /** A failed lookup is tried again after this long, not at every command. */
    private static final Duration RETRY = Duration.ofMinutes(5);
    private static final int MAX_USERS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(SlackLocales.class);

    private final MethodsClient client;
    private final Executor executor;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> asking = new ConcurrentHashMap<>();

    private record Known(String locale, Instant until) {
    }

    SlackLocales(MethodsClient client, Executor executor, Clock clock) {
        this.client = client;
        this.executor = executor;
        this.clock = clock;
    }

    /** The locale tag of {@code user} (English when Slack does not say in time). */
    String of(String user) {
        String cached = cached(user);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> lookup = asking.putIfAbsent(user, mine);
        if (lookup == null) {
            lookup = mine;
            try {
                executor.execute(() -> {
                    try {
                        mine.complete(ask(user));
                    } finally {
                        asking.remove(user, mine);
                    }
                });
            } catch (RejectedExecutionException e) {
                asking.remove(user, mine);
                log.debug("no thread to ask users.info for {} (shutting down); answering in English", user);
                return Languages.ENGLISH;
            }
        }
        try {
            return lookup.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("users.info for {} is slow; answering in English this time", user);
            return Languages.ENGLISH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Languages.ENGLISH;
        } catch (ExecutionException e) {
            log.warn("looking up the language of {} failed; answering in English", user, e);
            return Languages.ENGLISH;
        }
    }

    /**
     * The locale tag of {@code user}, asking Slack on the calling thread when it is not known: for work that is not
     * on Slack's three seconds (an App Home published from the bot's executor), which then waits for the answer.
     */
    String lookUp(String user) {
        String cached = cached(user);
        return cached != null ? cached : ask(user);
    }

    private String cached(String user) {
        Known cached = known.get(user);
        return cached != null && cached.until().isAfter(clock.instant()) ? cached.locale() : null;
    }

    private String ask(String user) {
        String locale = null;
        try {
            UsersInfoResponse info = client.usersInfo(r -> r.user(user).includeLocale(true));
            if (info.isOk() && info.getUser() != null) {
                locale = info.getUser().getLocale();
            } else {
                log.warn("users.info for {} answered {}; answering them in English", user, info.getError());
            }
        } catch (Exception e) {
            log.warn("users.info for {} failed; answering them in English for now: {}", user, e.toString());
        }
        if (known.size() >= MAX_USERS) {
            known.clear();
        }
        String tag = locale == null ? Languages.ENGLISH : locale;
        known.put(user, new Known(tag, clock.instant().plus(locale == null ? RETRY : KEEP)));
        return tag;
    }
}
