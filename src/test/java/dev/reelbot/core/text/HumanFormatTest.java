package dev.reelbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HumanFormatTest {

    @Test
    void sizesInBinaryUnitsWithOneDecimalAboveAMegabyte() {
        assertThat(HumanFormat.bytes(0)).isEqualTo("1 KB");
        assertThat(HumanFormat.bytes(980 * 1024)).isEqualTo("980 KB");
        assertThat(HumanFormat.bytes(2_200_000)).isEqualTo("2.1 MB");
        assertThat(HumanFormat.bytes(10L * 1024 * 1024)).isEqualTo("10.0 MB");
        assertThat(HumanFormat.bytes(1536L * 1024 * 1024)).isEqualTo("1.5 GB");
    }

    @Test
    void durationsAsPeopleSayThem() {
        assertThat(HumanFormat.duration(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(HumanFormat.duration(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(HumanFormat.duration(Duration.ofMinutes(62))).isEqualTo("1h 02m");
        assertThat(HumanFormat.duration(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(HumanFormat.duration(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(HumanFormat.duration(Duration.ofSeconds(-3))).isEqualTo("0s");
    }

    @Test
    void momentsInUtc() {
        assertThat(HumanFormat.when(Instant.parse("2026-11-24T12:00:59Z"))).isEqualTo("2026-11-24 12:00 UTC");
    }

    @Test
    void theHostsLocaleChangesNothing() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : new Locale[] {Locale.GERMANY, Locale.forLanguageTag("ar-EG"),
                    Locale.forLanguageTag("hi-IN-u-nu-deva")}) {
                Locale.setDefault(locale);
                assertThat(HumanFormat.bytes(2_200_000)).as(locale.toString()).isEqualTo("2.1 MB");
                assertThat(HumanFormat.duration(Duration.ofSeconds(185))).as(locale.toString()).isEqualTo("3m 05s");
                assertThat(HumanFormat.when(Instant.parse("2026-11-24T12:00:00Z"))).as(locale.toString())
                        .isEqualTo("2026-11-24 12:00 UTC");
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
