package dev.reelbot.web;

import dev.reelbot.core.Secret;
import dev.reelbot.core.billing.UsagePeriod;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /admin/usage.csv?period=7d|30d|month}: every job of the period with what it cost, as CSV, for admins
 * behind the bearer token of {@code ADMIN_API_TOKEN}. Without the token the route does not exist (404). The token
 * is compared in constant time and never logged; a wrong or missing one gets 401 and nothing else.
 *
 * <p>Threading: Jetty's threads; the CSV is read from the store on the request's thread.
 */
final class UsageExport {
    static final String PATH = "/admin/usage.csv";
    private static final Logger log = LoggerFactory.getLogger(UsageExport.class);

    private final Secret token;
    private final BiFunction<UsagePeriod, Instant, String> csv;
    private final Clock clock;

    /** @param csv the CSV of a period, as of an instant (see {@code UsageReports.csv}) */
    UsageExport(Secret token, BiFunction<UsagePeriod, Instant, String> csv, Clock clock) {
        this.token = token;
        this.csv = csv;
        this.clock = clock;
    }

    void handle(Context ctx) {
        if (!authorized(ctx.header("Authorization"))) {
            log.warn("refused a usage export from {}: missing or wrong bearer token", ctx.ip());
            ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"reelbot admin\"").contentType("text/plain")
                    .result("a valid bearer token (ADMIN_API_TOKEN) is required\n");
            return;
        }
        String typed = Optional.ofNullable(ctx.queryParam("period")).orElse(UsagePeriod.THIS_MONTH.word());
        Optional<UsagePeriod> period = UsagePeriod.parse(typed);
        if (period.isEmpty()) {
            ctx.status(400).contentType("text/plain").result("period must be one of "
                    + String.join(", ", UsagePeriod.WORDS) + "\n");
            return;
        }
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"reelbot-usage-" + period.get().word()
                        + ".csv\"")
                .result(csv.apply(period.get(), clock.instant()));
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.reveal().getBytes(StandardCharsets.UTF_8));
    }
}
