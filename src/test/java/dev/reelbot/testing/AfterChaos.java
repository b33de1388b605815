package dev.reelbot.testing;

import static dev.reelbot.simulator.SimulatorCounts.createStatusesByPrompt;
import static dev.reelbot.simulator.SimulatorCounts.refusedCreates;
import static dev.reelbot.simulator.SimulatorCounts.sentAtMostOnceBeyondRefusals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.MessageRef;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.store.Connections;
import dev.reelbot.store.JdbcJobStore;
import dev.reelbot.store.SqliteConnections;
import java.nio.file.Path;
import java.util.List;

/**
 * What must hold once the bot has been through faults and kills, whatever the platform: every accepted job is
 * settled and its message (if it has one) shows its end, every refund case has exactly one admin notice and nothing
 * else has one, no prompt was accepted twice or sent again after anything but a refusal, and some were
 * refused as busy (so jobs waited in the queue).
 */
public final class AfterChaos {

    /** What the platform shows now. */
    public interface Shown {
        /** Whether the message shows a final view; {@code null} when the message no longer exists. */
        Boolean isFinal(MessageRef message);

        /** How many admin notices name the job. */
        long noticesFor(String jobId);
    }

    private AfterChaos() {
    }

    public static void check(Path database, List<String> accepted, ApiSimulator simulator, Shown shown, long seed) {
        try (SqliteConnections db = SqliteConnections.open(database)) {
            check(db, accepted, simulator, shown, seed);
        }
    }

    /** {@link #check}, on an open database (PostgreSQL, after several instances). */
    public static void check(Connections db, List<String> accepted, ApiSimulator simulator, Shown shown, long seed) {
        JdbcJobStore store = new JdbcJobStore(db);
        for (String id : accepted) {
            Job job = store.find(id).orElseThrow(() -> new AssertionError("accepted job " + id + " was lost"));
            assertThat(job.isSettled()).as("job %s settled (%s), seed %d", id, job.state(), seed).isTrue();
            if (job.message().ref() != null) {
                assertThat(shown.isFinal(job.message().ref())).as("job %s shows its end, seed %d", id, seed)
                        .isNotEqualTo(Boolean.FALSE);
            }
            assertThat(shown.noticesFor(id)).as("notices for job %s (%s), seed %d", id, job.state(), seed)
                    .isEqualTo(job.refund().state() == RefundState.NONE ? 0 : 1);
        }
        assertThat(store.unsettled()).as("unsettled jobs, seed %d", seed).isEmpty();
        assertThat(sentAtMostOnceBeyondRefusals(simulator)).as("no job accepted twice, none sent again but after a "
                + "refusal, seed %d: %s", seed, createStatusesByPrompt(simulator)).isTrue();
        assertThat(refusedCreates(simulator)).as("creates refused as busy, so jobs waited in the queue through kills, "
                + "seed %d", seed).isPositive();
    }
}
