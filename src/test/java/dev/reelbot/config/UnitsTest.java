package dev.reelbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void durations() {
        assertThat(Units.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Units.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Units.duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Units.duration(" 2h ")).isEqualTo(Duration.ofHours(2));
        assertThat(Units.duration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Units.duration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Units.duration("10")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Units.duration("soon")).hasMessageContaining("is not a duration");
    }

    @Test
    void sizes() {
        assertThat(Units.bytes("10MiB")).isEqualTo(10L * 1024 * 1024);
        assertThat(Units.bytes("50MB")).isEqualTo(50_000_000L);
        assertThat(Units.bytes("1GiB")).isEqualTo(1L << 30);
        assertThat(Units.bytes("2048")).isEqualTo(2048);
        assertThat(Units.bytes("1.5 KiB")).isEqualTo(1536);
        assertThatThrownBy(() -> Units.bytes("huge")).hasMessageContaining("is not a size");
    }

    @Test
    void rates() {
        assertThat(Units.rate("64KiB/s")).isEqualTo(64 * 1024);
        assertThat(Units.rate(" 1 MB/S ")).isEqualTo(1_000_000);
        assertThat(Units.rate("0/s")).isZero();
        assertThatThrownBy(() -> Units.rate("64KiB")).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> Units.rate("fast/s")).hasMessageContaining("is not a size");
    }

    @Test
    void formatting() {
        assertThat(Units.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Units.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Units.formatBytes(10L * 1024 * 1024)).isEqualTo("10MiB");
        assertThat(Units.formatBytes(1000)).isEqualTo("1000B");
    }
}
