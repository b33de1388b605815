package dev.reelbot.core.queue;

import static dev.reelbot.core.queue.QueueOrderTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityGateTest {
    private static final int NONE = Integer.MAX_VALUE;

    @Test
    void untilARefusalOnlyTheConfiguredLimitApplies() {
        assertThat(new CapacityGate(NONE, () -> 0.5).limit()).isEqualTo(NONE);
        CapacityGate twenty = new CapacityGate(20, () -> 0.5);
        assertThat(twenty.limit()).isEqualTo(20);
        assertThat(twenty.holding(T0)).isFalse();
        assertThat(twenty.mayProbe(T0)).isFalse();
    }

    @Test
    void aRefusalHoldsForRetryAfterAndTeachesTheLimit() {
        CapacityGate gate = new CapacityGate(NONE, () -> 0.0);
        gate.refused(T0, 3, Optional.of(Duration.ofSeconds(5)));

        assertThat(gate.limit()).isEqualTo(3);
        assertThat(gate.holding(T0.plusSeconds(4))).isTrue();
        assertThat(gate.holding(T0.plusSeconds(5))).isFalse();
        assertThat(gate.mayProbe(T0.plusSeconds(4))).isFalse();
        assertThat(gate.mayProbe(T0.plusSeconds(5))).as("the backoff (under a second) is within the wait").isTrue();
        assertThat(gate.learned()).contains(3);
    }

    @Test
    void refusalsInARowBackOffTheProbesAndAnAcceptedProbeRaisesTheLimit() {
        CapacityGate gate = new CapacityGate(NONE, () -> 0.5);
        gate.refused(T0, 2, Optional.empty());
        assertThat(gate.holding(T0)).as("no Retry-After: no hold, only the learned limit").isFalse();
        assertThat(gate.mayProbe(T0.plusMillis(999))).isFalse();
        assertThat(gate.mayProbe(T0.plusSeconds(1))).isTrue();
        gate.refused(T0.plusSeconds(1), 2, Optional.empty());
        assertThat(gate.mayProbe(T0.plusMillis(2999))).as("2 s after the second").isFalse();
        assertThat(gate.mayProbe(T0.plusSeconds(3))).isTrue();

        gate.accepted(3);
        assertThat(gate.limit()).isEqualTo(3);
        gate.refused(T0.plusSeconds(3), 3, Optional.empty());
        assertThat(gate.mayProbe(T0.plusMillis(3999))).as("backoff starts over after an accepted create").isFalse();
        assertThat(gate.mayProbe(T0.plusSeconds(4))).isTrue();
    }

    @Test
    void theConfiguredLimitCapsWhatIsLearnedAndAllNeverLearnsBelowOne() {
        CapacityGate gate = new CapacityGate(5, () -> 0.5);
        gate.refused(T0, 0, Optional.empty());
        assertThat(gate.limit()).isEqualTo(1);
        gate.accepted(9);
        assertThat(gate.limit()).isEqualTo(5);
        assertThat(gate.mayProbe(T0.plus(Duration.ofHours(1)))).as("nothing to probe past the configured limit")
                .isFalse();
    }
}
