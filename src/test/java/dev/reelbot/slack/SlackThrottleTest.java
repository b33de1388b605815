package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.LiveInstances;
import dev.reelbot.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackThrottleTest {
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

    @Test
    void updatesStayWithinTheWorkspaceRateAndKeepAReserveForFinalViews() {
        SlackThrottle throttle = new SlackThrottle(clock, 50);
        int progressEdits = 0;
        while (throttle.update(false).isZero()) {
            progressEdits++;
        }
        assertThat(progressEdits).as("burst of 10 minus a 20% reserve").isEqualTo(8);
        assertThat(throttle.update(true)).as("final views use the reserve").isZero();
        assertThat(throttle.update(true)).isZero();
        Duration wait = throttle.update(true);
        assertThat(wait).isBetween(Duration.ofMillis(1100), Duration.ofMillis(1300));
        clock.advance(wait);
        assertThat(throttle.update(true)).isZero();
    }

    @Test
    void sustainedUpdatesAverageTheConfiguredRate() {
        SlackThrottle throttle = new SlackThrottle(clock, 50);
        assertThat(finalViewsSentIn(throttle, Duration.ofMinutes(10))).as("ten minutes at 50 a minute, plus the "
                + "first burst").isBetween(500, 511);
    }

    @Test
    void postsAreLimitedPerChannel() {
        SlackThrottle throttle = new SlackThrottle(clock, 50);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.post("C1")).isZero();
        }
        assertThat(throttle.post("C1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.post("C2")).as("another channel has its own bucket").isZero();
    }

    @Test
    void a429PausesEverything() {
        SlackThrottle throttle = new SlackThrottle(clock, 50);
        throttle.pause(Duration.ofSeconds(30));
        assertThat(throttle.update(true)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.post("C9")).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.update(true)).isZero();
    }

    @Test
    void severalInstancesEachTakeTheirShareOfTheWorkspace() {
        LiveInstances instances = new LiveInstances();
        instances.set(3);
        SlackThrottle throttle = new SlackThrottle(clock, 60, instances);
        assertThat(finalViewsSentIn(throttle, Duration.ofMinutes(10)))
                .as("ten minutes at a third of 60 a minute, plus a third of the first burst").isBetween(200, 206);

        instances.set(1);
        assertThat(finalViewsSentIn(throttle, Duration.ofMinutes(1))).as("the others stopped: the whole budget again")
                .isBetween(60, 73);
    }

    /** Offers a final view every 100 ms for {@code span}; returns how many the throttle let go. */
    private int finalViewsSentIn(SlackThrottle throttle, Duration span) {
        int sent = 0;
        for (long ms = 0; ms < span.toMillis(); ms += 100) {
            if (throttle.update(true).isZero()) {
                sent++;
            }
            clock.advance(Duration.ofMillis(100));
        }
        return sent;
    }
}
