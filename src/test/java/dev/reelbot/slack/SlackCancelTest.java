package dev.reelbot.slack;

import static dev.reelbot.simulator.SimulatorCounts.createRequestsByPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A waiting job on Slack: its message says where it stands and carries Cancel, for its requester or an admin. */
class SlackCancelTest {
    private static final String ALICE = "U0ALICE1";
    private static final String CHANNEL = "C0GENERAL";

    @TempDir
    Path dir;
    SlackHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(dir, false, 45, 1);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private Job job(String prompt) {
        return h.store.recentJobs("slack", ALICE, 10).stream().filter(j -> j.request().prompt().equals(prompt))
                .findFirst().orElseThrow();
    }

    @Test
    void aWaitingJobShowsItsPlaceAndCancelWhichIsFreeAndForTheRequesterOrAnAdmin() throws Exception {
        for (String prompt : List.of("first in", "second in")) {
            try (Response ack = h.command(prompt, "trig-" + prompt.hashCode(), ALICE, CHANNEL)) {
                assertThat(ack.code()).isEqualTo(200);
            }
            h.engine.tick();
        }
        Job waiting = job("second in");
        assertThat(waiting.state()).isEqualTo(JobState.WAITING);
        FakeSlack.Message shown = h.slack.message(CHANNEL, waiting.message().ref().messageId());
        assertThat(shown.blocks()).contains("Waiting for capacity").contains("1st in line")
                .contains("\"action_id\":\"" + SlackViews.CANCEL + "\",\"value\":\"" + waiting.id() + "\"")
                .contains("\"style\":\"danger\"").doesNotContain(SlackViews.REROLL);

        try (Response stranger = h.button(SlackViews.CANCEL, waiting.id(), "U0STRANGER", CHANNEL, "trig-c1");
             Response alice = h.button(SlackViews.CANCEL, waiting.id(), ALICE, CHANNEL, "trig-c2")) {
            assertThat(List.of(stranger.code(), alice.code())).containsOnly(200);
        }
        h.runUntilSettled();

        assertThat(h.slack.responses()).anySatisfy(r -> assertThat(r).contains("Only the person who asked"))
                .anySatisfy(r -> assertThat(r).contains("cancelled").contains("nothing was charged"));
        Job cancelled = job("second in");
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(h.slack.message(CHANNEL, cancelled.message().ref().messageId()).blocks()).contains("Cancelled")
                .contains("nothing was charged").doesNotContain(SlackViews.CANCEL);
        assertThat(createRequestsByPrompt(h.simulator)).containsOnlyKeys("first in");
        assertThat(h.slack.messagesIn("C0ADMIN")).as("a cancelled job is no refund case").isEmpty();
    }
}
