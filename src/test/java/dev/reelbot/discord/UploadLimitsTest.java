package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.testing.MutableClock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UploadLimitsTest {
    private static final long MIB = UploadLimits.MIB;
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

    @Test
    void boostTiersRaiseTheLimitButNeverBelowTheDefault() {
        assertThat(UploadLimits.forTier(0, 10 * MIB)).isEqualTo(10 * MIB);
        assertThat(UploadLimits.forTier(1, 10 * MIB)).isEqualTo(10 * MIB);
        assertThat(UploadLimits.forTier(2, 10 * MIB)).isEqualTo(50 * MIB);
        assertThat(UploadLimits.forTier(3, 10 * MIB)).isEqualTo(100 * MIB);
        assertThat(UploadLimits.forTier(2, 60 * MIB)).isEqualTo(60 * MIB);
    }

    @Test
    void whatDiscordSaidWinsAndTiersAreLookedUpOnceAnHour() {
        AtomicInteger lookups = new AtomicInteger();
        UploadLimits limits = new UploadLimits(10 * MIB, channel -> {
            lookups.incrementAndGet();
            return OptionalInt.of(3);
        }, clock);
        limits.remember("told", 25 * MIB);

        assertThat(limits.forChannel("told")).isEqualTo(25 * MIB);
        assertThat(limits.forChannel("boosted")).isEqualTo(100 * MIB);
        assertThat(limits.forChannel("boosted")).isEqualTo(100 * MIB);
        assertThat(lookups).hasValue(1);
        clock.advance(Duration.ofMinutes(61));
        limits.forChannel("boosted");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aFailedLookupMeansTheDefault() {
        UploadLimits limits = new UploadLimits(10 * MIB, channel -> {
            throw new DiscordFailure(DiscordFailure.Kind.TRANSIENT, "down", null, null);
        }, clock);

        assertThat(limits.forChannel("c")).isEqualTo(10 * MIB);
    }

    @Test
    void aRefusedSizeCapsTheChannelBelowItForAnHourWhateverDiscordSaid() {
        UploadLimits limits = new UploadLimits(10 * MIB, channel -> OptionalInt.of(3), clock);
        limits.remember("c", 25 * MIB);

        limits.refused("c", 12 * MIB);

        assertThat(limits.forChannel("c")).isEqualTo(12 * MIB - 1);
        assertThat(limits.forChannel("other")).isEqualTo(100 * MIB);
        limits.refused("c", 20 * MIB);
        assertThat(limits.forChannel("c")).as("the lower refusal stands").isEqualTo(12 * MIB - 1);
        clock.advance(Duration.ofMinutes(61));
        assertThat(limits.forChannel("c")).isEqualTo(25 * MIB);
    }
}
