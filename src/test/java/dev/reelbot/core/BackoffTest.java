package dev.reelbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one retry formula, with the waits each of its users had before it was shared. */
class BackoffTest {

    private static List<Long> seconds(Backoff backoff, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> backoff.after(n).toSeconds()).toList();
    }

    @Test
    void chatRetriesAndReconnectsDoubleFromTwoSecondsToFiveMinutes() {
        assertThat(seconds(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5)), 0, 10))
                .containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    }

    @Test
    void deliveriesWaitTenSecondsAfterTheFirstFailedAttemptUpToTwoMinutes() {
        assertThat(seconds(new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2)), 1, 6))
                .containsExactly(10L, 20L, 40L, 80L, 120L, 120L);
    }

    @Test
    void aSpreadMovesTheWaitByAtMostItsShare() {
        Backoff polls = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
        assertThat(polls.after(3, 0.2, 0.5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(polls.after(3, 0.2, 0.0)).isEqualTo(Duration.ofMillis(12_800));
        assertThat(polls.after(3, 0.2, 0.999_999)).isEqualTo(Duration.ofMillis(19_200));
        Backoff gets = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4));
        for (double random = 0; random < 1; random += 0.01) {
            assertThat(gets.after(0, 0.5, random)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
            assertThat(gets.after(9, 0.5, random)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        }
    }

    @Test
    void neverOverflowsAndNeverExceedsTheLongestWait() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofHours(1));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(65_536));
        assertThat(new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5)).after(0))
                .as("a first wait above the longest is the longest").isEqualTo(Duration.ofMinutes(5));
        assertThat(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5)).after(40))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void whatTheOtherSideAskedForWins() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
        assertThat(backoff.after(3, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(3, Optional.empty())).isEqualTo(Duration.ofSeconds(16));
    }
}
