package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.discord.FakeDiscord.Call;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refund notices in the admin channel, Mark refunded for admins only, and the Re-roll and Details buttons. */
class DiscordButtonsTest extends WithDiscord {

    private Job failedJob() {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "a storm [fail]"));
        h.runUntilSettled();
        return h.job(jobId);
    }

    private String click(String user, List<String> roles, String channel, ButtonId button, String messageId) {
        return h.interact(Interactions.button(Instant.now(), user, roles, channel, button.customId(), messageId));
    }

    @Test
    void aRefundNoticeIsPostedInTheAdminChannelWithAMarkRefundedButton() {
        Job job = failedJob();

        assertThat(job.refund().state()).isEqualTo(RefundState.OPEN);
        List<Call> notices = h.discord.calls("POST", "channels/" + Interactions.ADMIN_CHANNEL + "/messages");
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(DiscordHarness.embedText(n.body())).contains("💸 Refund needed").contains("job " + job.id());
            assertThat(n.body().path("components").toString()).contains("reelbot:resolve:" + job.id())
                    .contains("Mark refunded");
        });
    }

    @Test
    void onlyAdminsByRoleOrByUserIdCanMarkRefunded() {
        Job job = failedJob();
        String notice = job.refund().notice().messageId();
        ButtonId resolve = new ButtonId(ButtonId.Action.RESOLVE, job.id());

        String bob = click(Interactions.BOB, List.of("123451234512345123"), Interactions.ADMIN_CHANNEL, resolve,
                notice);
        assertThat(bob).startsWith("Only admins can do that: whoever runs the bot can add your user id `"
                + Interactions.BOB + "` to `admins.discord`");
        assertThat(h.job(job.id()).refund().state()).isEqualTo(RefundState.OPEN);

        String byRole = click(Interactions.BOB, List.of(Interactions.ADMIN_ROLE), Interactions.ADMIN_CHANNEL,
                resolve, notice);
        assertThat(byRole).doesNotContain("Only admins");
        assertThat(h.job(job.id()).refund().state()).isEqualTo(RefundState.RESOLVED);
        h.runUntilSettled();
        JsonNode shown = h.discord.message(notice);
        assertThat(DiscordHarness.embedText(shown)).contains("✅ Refund resolved");
        assertThat(shown.path("components")).as("no button once resolved").isEmpty();
    }

    @Test
    void anAdminUserIdCanMarkRefundedWithoutARole() {
        Job job = failedJob();

        String ada = click(Interactions.ADA, List.of(), Interactions.ADMIN_CHANNEL,
                new ButtonId(ButtonId.Action.RESOLVE, job.id()), job.refund().notice().messageId());

        assertThat(ada).doesNotContain("Only admins");
        assertThat(h.job(job.id()).refund().state()).isEqualTo(RefundState.RESOLVED);
    }

    @Test
    void reRollIsForTheRequesterAndDetailsAnswerEphemerally() {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "a cat"));
        h.runUntilSettled();
        String message = h.job(jobId).message().ref().messageId();
        ButtonId reroll = new ButtonId(ButtonId.Action.REROLL, jobId);

        String bob = click(Interactions.BOB, List.of(), Interactions.CHANNEL, reroll, message);
        String alice = click(Interactions.ALICE, List.of(), Interactions.CHANNEL, reroll, message);
        String details = click(Interactions.BOB, List.of(), Interactions.CHANNEL,
                new ButtonId(ButtonId.Action.DETAILS, jobId), message);

        assertThat(bob).contains("Only the person who asked");
        assertThat(alice).startsWith("🎬 Job `").contains("accepted").contains("seed");
        assertThat(details).contains(jobId);
        assertThat(h.discord.calls("POST", "interactions/.*/callback")).allSatisfy(c ->
                assertThat(c.body().path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64));
    }
}
