package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.RefundState;
import org.junit.jupiter.api.Test;

/** The App Home with the real Bolt: published when opened, refreshed when a job ends, admins' refund cases. */
class SlackHomeTest extends WithSlack {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void openingTheHomeShowsWhatTheUserMayStartAndAJobsEndRefreshesIt() throws Exception {
        h.event(SlackPayloads.homeOpened("U0ALICE1")).close();

        assertThat(h.slack.calls("views.publish")).singleElement()
                .satisfies(c -> assertThat(c.field("user_id")).isEqualTo("U0ALICE1"));
        String home = h.slack.views().home("U0ALICE1");
        assertThat(home).contains("Your recent videos").contains("You have no videos yet")
                .contains("You may start 1,000 more in the next 24 hours").doesNotContain("Open refund cases")
                .doesNotContain("This month's spend");

        h.command("a cat surfing", "trig-home", "U0ALICE1", "C0GENERAL").close();
        h.runUntilSettled();

        Job job = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        String refreshed = h.slack.views().home("U0ALICE1");
        assertThat(refreshed).contains("a cat surfing").contains("<#C0GENERAL>")
                .contains("You may start 999 more in the next 24 hours").contains("Your videos this month");
        assertThat(h.slack.calls("views.publish")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(job.id()).isNotBlank();
    }

    @Test
    void aJobOfSomeoneWhoNeverOpenedTheHomePublishesNothing() throws Exception {
        h.command("a cat surfing", "trig-nohome", "U0BOB001", "C0GENERAL").close();
        h.runUntilSettled();

        assertThat(h.slack.calls("views.publish")).isEmpty();
    }

    @Test
    void anAdminSeesOpenRefundCasesAndMarksOneRefundedFromTheHome() throws Exception {
        h.command("a storm [fail]", "trig-fail", "U0ALICE1", "C0GENERAL").close();
        h.runUntilSettled();
        Job failed = h.store.recentJobs("slack", "U0ALICE1", 10).get(0);
        assertThat(failed.refund().state()).isNotEqualTo(RefundState.NONE);

        h.event(SlackPayloads.homeOpened(SlackHarness.ADMIN)).close();
        JsonNode home = JSON.readTree(h.slack.views().home(SlackHarness.ADMIN));
        assertThat(home.toString()).contains("Open refund cases").contains(failed.id())
                .contains("This month's spend").contains("Usage over this month");
        JsonNode button = home.findValues("accessory").get(0);
        assertThat(button.path("action_id").asText()).isEqualTo(SlackHome.REFUND);
        assertThat(button.path("value").asText()).isEqualTo(failed.id());

        h.interaction(SlackPayloads.viewButton(home, SlackHarness.ADMIN, SlackHome.REFUND, failed.id())).close();

        assertThat(h.store.find(failed.id()).orElseThrow().refund().state()).isEqualTo(RefundState.RESOLVED);
        String after = h.slack.views().home(SlackHarness.ADMIN);
        assertThat(after).contains("marked resolved").contains("No open refund cases");
    }
}
