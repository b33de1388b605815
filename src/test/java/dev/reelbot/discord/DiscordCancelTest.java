package dev.reelbot.discord;

import static dev.reelbot.simulator.SimulatorCounts.createRequestsByPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A waiting job on Discord: its message says where it stands and carries Cancel, for its requester or an admin. */
class DiscordCancelTest {
    @TempDir
    Path dir;
    DiscordHarness h;

    @BeforeEach
    void start() throws InterruptedException {
        h = new DiscordHarness(dir, s -> s, 1);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private String click(String user, ButtonId button, String messageId) {
        return h.interact(Interactions.button(Instant.now(), user, List.of(), Interactions.CHANNEL, button.customId(),
                messageId));
    }

    @Test
    void aWaitingJobShowsItsPlaceAndAnAdminCancelsItForFreeButAStrangerCannot() {
        DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "first in"));
        h.tick();
        String waitingId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "second in"));
        h.tick();
        Job waiting = h.job(waitingId);
        assertThat(waiting.state()).isEqualTo(JobState.WAITING);
        String messageId = waiting.message().ref().messageId();
        assertThat(DiscordHarness.embedText(h.discord.message(messageId))).contains("Waiting for capacity")
                .contains("1st in line");
        ButtonId cancel = new ButtonId(ButtonId.Action.CANCEL, waitingId);
        assertThat(h.discord.message(messageId).path("components").toString()).contains(cancel.customId())
                .doesNotContain(new ButtonId(ButtonId.Action.REROLL, waitingId).customId());

        assertThat(click(Interactions.BOB, cancel, messageId)).contains("Only the person who asked");
        assertThat(h.job(waitingId).state()).isEqualTo(JobState.WAITING);
        assertThat(click(Interactions.ADA, cancel, messageId)).contains("cancelled").contains("nothing was charged");
        h.runUntilSettled();

        assertThat(h.job(waitingId).state()).isEqualTo(JobState.CANCELLED);
        assertThat(DiscordHarness.embedText(h.discord.message(messageId))).contains("Cancelled")
                .contains("nothing was charged");
        assertThat(h.discord.message(messageId).path("components").toString()).doesNotContain(cancel.customId());
        assertThat(createRequestsByPrompt(h.simulator)).containsOnlyKeys("first in");
        assertThat(h.discord.calls("POST", "channels/" + Interactions.ADMIN_CHANNEL + "/messages"))
                .as("a cancelled job is no refund case").isEmpty();
    }
}
