package dev.reelbot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.QueueEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOrderTest {
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    static QueueEntry waiting(String id, String user, int secondsAfter) {
        return new QueueEntry(id, "slack", user, "sora-2", JobState.WAITING, T0.plusSeconds(secondsAfter), null, null);
    }

    private static List<String> order(List<QueueEntry> entries) {
        return QueueOrder.of(entries).stream().map(QueueEntry::jobId).toList();
    }

    @Test
    void oneUsersTenJobsDoNotHoldBackEveryoneElsesFirst() {
        List<QueueEntry> line = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            line.add(waiting("a" + i, "alice", i));
        }
        line.add(waiting("b0", "bob", 20));
        line.add(waiting("c0", "carol", 30));
        line.add(waiting("b1", "bob", 40));

        assertThat(order(line)).containsExactly("a0", "b0", "c0", "a1", "b1", "a2", "a3", "a4", "a5", "a6", "a7", "a8",
                "a9");
    }

    @Test
    void withinOneUserFirstInFirstOutWhateverTheIds() {
        assertThat(order(List.of(waiting("zzz", "alice", 1), waiting("aaa", "alice", 2), waiting("mmm", "alice", 3))))
                .containsExactly("zzz", "aaa", "mmm");
    }

    @Test
    void theSameUserOnAnotherPlatformIsSomeoneElse() {
        QueueEntry slack = waiting("s1", "U1", 1);
        QueueEntry slack2 = waiting("s2", "U1", 2);
        QueueEntry discord = new QueueEntry("d1", "discord", "U1", "sora-2", JobState.WAITING, T0.plusSeconds(3), null,
                null);
        assertThat(order(List.of(slack, slack2, discord))).containsExactly("s1", "d1", "s2");
    }

    @Test
    void bumpedJobsGoFirstTheLatestBumpAtTheFront() {
        QueueEntry bumpedEarly = new QueueEntry("x1", "slack", "alice", "sora-2", JobState.WAITING, T0.plusSeconds(9),
                null, T0.plusSeconds(100));
        QueueEntry bumpedLate = new QueueEntry("x2", "slack", "alice", "sora-2", JobState.WAITING, T0.plusSeconds(8),
                null, T0.plusSeconds(200));
        assertThat(order(List.of(waiting("b0", "bob", 0), bumpedEarly, waiting("a0", "alice", 1), bumpedLate)))
                .containsExactly("x2", "x1", "b0", "a0");
    }

    @Test
    void aBumpedJobLeavesItsRequestersOtherJobsTheirRank() {
        QueueEntry bumped = new QueueEntry("a2", "slack", "alice", "sora-2", JobState.WAITING, T0.plusSeconds(2),
                null, T0.plus(Duration.ofMinutes(1)));
        assertThat(order(List.of(waiting("a0", "alice", 0), waiting("a1", "alice", 1), bumped, waiting("b0", "bob", 3))))
                .containsExactly("a2", "a0", "b0", "a1");
    }
}
