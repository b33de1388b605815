package dev.reelbot.core.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Calendar months in UTC, as budgets and "this month" count them. */
public final class Months {
    private Months() {
    }

    /** The first instant of the month {@code now} is in. */
    public static Instant start(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant of the next month: when budgets reset. */
    public static Instant next(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** The month as {@code 2026-11}, for keys. */
    public static String label(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).toString().substring(0, 7);
    }
}
