package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Money;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.billing.BillingSettings;
import dev.reelbot.core.billing.Budgets;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.testing.RecordingChatPort;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monthly budgets: a job that would go over is refused with the budget, the spend and the reset; admins hear of 80% once. */
class BudgetTest {
    static final Requester ELSEWHERE = new Requester("slack", "T1", "C2", "U_CAROL", "carol");

    @TempDir
    Path dir;
    EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private void start(Budgets budgets) {
        h = new EngineHarness(dir, new Quotas(10, 100, 20), UsageTest.PRICED);
        h.tune(parts -> parts.withBilling(new BillingSettings("USD", budgets)));
    }

    private List<NoticeView> budgetAlerts() {
        return h.chat.events("notice").stream().map(e -> (NoticeView) e.view())
                .filter(v -> v.headline().contains("Budget")).toList();
    }

    @Test
    void aJobOverItsChannelsBudgetIsRefusedSayingTheBudgetTheSpendAndTheReset() {
        start(new Budgets(usd("1.00"), Map.of(), null, Map.of()));
        assertThat(h.command("a cat --duration 8").ok()).isTrue();

        Reply over = h.command("a dog --duration 4");

        assertThat(over.ok()).isFalse();
        assertThat(over.text()).isEqualTo("This channel has spent 0.80 USD of its 1.00 USD monthly video budget "
                + "(videos still waiting included), and this one would cost 0.40 USD. The budget starts again at "
                + "2026-12-01 00:00 UTC; an admin can raise it (budgets.channels).");
        assertThat(h.command("a mouse --model kling-v2-1").ok()).as("0.50 would go over too").isFalse();
        assertThat(h.command(ELSEWHERE, "a dog --duration 4").ok()).as("each channel has its own").isTrue();
        h.runUntilSettled();
        assertThat(h.command("a flea --duration 4").ok()).as("a job done does not free its spend").isFalse();
    }

    @Test
    void theAdminsAreToldOnceWhenABudgetPassesEightyPercent() {
        start(new Budgets(null, Map.of(), null, Map.of("T1", usd("2.00"))));
        assertThat(h.command("a cat --duration 12").ok()).isTrue();
        h.runUntilSettled();
        assertThat(budgetAlerts()).as("60%").isEmpty();

        assertThat(h.command("a dog --duration 4").ok()).isTrue();
        h.runUntilSettled();
        assertThat(budgetAlerts()).hasSize(1);
        NoticeView alert = budgetAlerts().get(0);
        assertThat(alert.plainText()).contains("slack workspace T1").contains("1.60 USD of 2.00 USD (80%")
                .contains("2026-12-01 00:00 UTC");
        assertThat(h.chat.events("notice").get(0).channel()).isEqualTo(RecordingChatPort.ADMIN_CHANNEL);

        h.restart();
        assertThat(h.command(ELSEWHERE, "a bird --duration 4").ok()).isTrue();
        h.runUntilSettled();
        assertThat(budgetAlerts()).as("once per budget and month, across restarts").hasSize(1);
        Reply over = h.command("a mouse --duration 4");
        assertThat(over.text()).startsWith("This workspace has spent 2.00 USD of its 2.00 USD monthly video budget")
                .contains("budgets.workspaces");
    }
}
