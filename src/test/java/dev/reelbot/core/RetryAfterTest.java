package dev.reelbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retry-After as the video API and Slack send it. */
class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsWholeOrFractional() {
        assertThat(RetryAfter.parse("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 1.5 ", NOW)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateCountsFromNowAndOneInThePastMeansNow() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void aWaitOverAnHourIsAnHour() {
        assertThat(RetryAfter.parse("86400", NOW)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:00 GMT", NOW)).contains(Duration.ofHours(1));
    }

    @Test
    void nothingReadableIsEmpty() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse(" ", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("NaN", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    }
}
