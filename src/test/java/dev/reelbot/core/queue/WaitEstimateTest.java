package dev.reelbot.core.queue;

import static dev.reelbot.core.queue.QueueOrderTest.T0;
import static dev.reelbot.core.queue.QueueOrderTest.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.QueueEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {
    private static final Map<String, Duration> TWO_MINUTES = Map.of("sora-2", Duration.ofMinutes(2));

    private static QueueEntry running(String id, String user, Instant submitted) {
        return new QueueEntry(id, "slack", user, "sora-2", JobState.RUNNING, submitted, submitted, null);
    }

    @Test
    void eachWaitsForAsManySlotsToFreeAsAreTakenAheadOfIt() {
        List<QueueEntry> flying = List.of(running("r1", "x", T0.minusSeconds(90)), running("r2", "y", T0));
        List<QueueEntry> line = List.of(waiting("w1", "alice", 1), waiting("w2", "bob", 2), waiting("w3", "carol", 3));

        Map<String, Duration> waits = WaitEstimate.of(flying, line, 2, 10, TWO_MINUTES, T0, T0);

        assertThat(waits).containsEntry("w1", Duration.ofSeconds(30)).containsEntry("w2", Duration.ofMinutes(2))
                .containsEntry("w3", Duration.ofSeconds(150));
    }

    @Test
    void aJobBlockedByItsOwnRequestersLimitLetsOthersGoFirst() {
        List<QueueEntry> flying = List.of(running("r1", "alice", T0));
        List<QueueEntry> line = List.of(waiting("a2", "alice", 1), waiting("b1", "bob", 2));

        Map<String, Duration> waits = WaitEstimate.of(flying, line, 10, 1, TWO_MINUTES, T0, T0);

        assertThat(waits).containsEntry("b1", Duration.ZERO).containsEntry("a2", Duration.ofMinutes(2));
    }

    @Test
    void nothingGoesBeforeTheApiSaidToWaitAndAnOverdueJobEndsSoon() {
        List<QueueEntry> flying = List.of(running("late", "x", T0.minus(Duration.ofMinutes(10))));
        Map<String, Duration> waits = WaitEstimate.of(flying, List.of(waiting("w1", "alice", 1),
                waiting("w2", "bob", 2)), 1, 10, TWO_MINUTES, T0.plusSeconds(5), T0);

        assertThat(waits.get("w1")).as("the overdue job ends a tenth of a run from now").isEqualTo(Duration.ofSeconds(12));
        assertThat(waits.get("w2")).isEqualTo(Duration.ofSeconds(132));
    }

    @Test
    void aModelWithNoRecentRunBorrowsTheOthersAverageAndWithNoneThereIsNoEstimate() {
        QueueEntry kling = new QueueEntry("k1", "slack", "alice", "kling-v2-1", JobState.RUNNING, T0, T0, null);
        Map<String, Duration> borrowed = WaitEstimate.of(List.of(kling), List.of(waiting("w1", "bob", 1)), 1, 10,
                TWO_MINUTES, T0, T0);
        assertThat(borrowed).containsEntry("w1", Duration.ofMinutes(2));
        assertThat(WaitEstimate.of(List.of(kling), List.of(waiting("w1", "bob", 1)), 1, 10, Map.of(), T0, T0))
                .isEmpty();
    }

    @Test
    void waitsShownAreRoundedCoarserTheLongerTheyAre() {
        assertThat(Line.rounded(Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Line.rounded(Duration.ofSeconds(61))).isEqualTo(Duration.ofMinutes(2));
        assertThat(Line.rounded(Duration.ofMinutes(11))).isEqualTo(Duration.ofMinutes(15));
        assertThat(Line.rounded(Duration.ofMinutes(61))).isEqualTo(Duration.ofMinutes(75));
    }
}
