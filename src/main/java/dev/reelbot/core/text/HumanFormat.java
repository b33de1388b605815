package dev.reelbot.core.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How sizes, durations and moments read to people, the same in every message, log line and reply. Written with
 * {@link Locale#ROOT} ("2.1 MB" everywhere, never "2,1 MB" because of the host's locale); this is the one place
 * per-locale formats would go.
 */
public final class HumanFormat {
    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HumanFormat() {
    }

    /** "2.1 MB", "980 KB", "1.5 GB" (binary units, as upload limits are counted); never less than "1 KB". */
    public static String bytes(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1f GB", (double) bytes / GIB);
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.1f MB", (double) bytes / MIB);
        }
        return Math.max(1, bytes / KIB) + " KB";
    }

    /** "45s", "3m 05s", "30m", "1h 02m", "2h"; a negative duration is "0s". */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds % 60 == 0 ? seconds / 60 + "m"
                    : String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        long minutes = seconds % 3600 / 60;
        return minutes == 0 ? seconds / 3600 + "h"
                : String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, minutes);
    }

    /** "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th": a place in line. */
    public static String ordinal(int n) {
        int lastTwo = Math.abs(n) % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (Math.abs(n) % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** "about 2 min", "about 1 h", "about 1 h 15 min": an estimate, in whole minutes (at least one). */
    public static String about(Duration estimate) {
        long minutes = Math.max(1, (estimate.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return "about " + minutes + " min";
        }
        return "about " + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /** "2026-11-24 12:00 UTC": when a link expires, a job was billed, a limit frees up. */
    public static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
