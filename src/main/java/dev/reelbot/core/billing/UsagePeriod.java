package dev.reelbot.core.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The spans usage is reported over: the last 7 or 30 days, or the calendar month so far (UTC). */
public enum UsagePeriod {
    LAST_7_DAYS("7d", "the last 7 days"),
    LAST_30_DAYS("30d", "the last 30 days"),
    THIS_MONTH("month", "this month");

    /** The words as typed, for help texts and errors. */
    public static final List<String> WORDS = List.of("7d", "30d", "month");

    private final String word;
    private final String words;

    UsagePeriod(String word, String words) {
        this.word = word;
        this.words = words;
    }

    /** The period a typed word names ({@code 7d}, {@code 30d}, {@code month}), in any case. */
    public static Optional<UsagePeriod> parse(String typed) {
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        for (UsagePeriod period : values()) {
            if (period.word.equals(lower)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** When the period began, seen at {@code now}. */
    public Instant since(Instant now) {
        return switch (this) {
            case LAST_7_DAYS -> now.minus(Duration.ofDays(7));
            case LAST_30_DAYS -> now.minus(Duration.ofDays(30));
            case THIS_MONTH -> Months.start(now);
        };
    }

    public String word() {
        return word;
    }

    /** In words: "the last 7 days", "this month". */
    public String describe() {
        return words;
    }
}
