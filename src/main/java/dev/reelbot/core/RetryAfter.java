package dev.reelbot.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header, as the video API and the chat platforms send it: delta seconds
 * (possibly fractional) or an HTTP date; a wait of over an hour is read as an hour.
 */
public final class RetryAfter {
    private static final Duration LONGEST = Duration.ofHours(1);

    private RetryAfter() {
    }

    /** The wait the header asks for, capped at an hour; empty when absent or unreadable. */
    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            if (Double.isNaN(seconds) || seconds < 0) {
                return Optional.empty();
            }
            return Optional.of(min(Duration.ofMillis((long) Math.ceil(Math.min(seconds, LONGEST.toSeconds()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Duration min(Duration wait) {
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
