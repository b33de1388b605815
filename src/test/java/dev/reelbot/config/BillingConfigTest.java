package dev.reelbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.Money;
import dev.reelbot.core.Price;
import dev.reelbot.core.Requester;
import dev.reelbot.core.billing.Budgets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capacity and money keys: max-in-flight, the waiting quota, prices, the currency and the budgets. */
class BillingConfigTest {
    private static final Map<String, String> KEY = Map.of("VIDEO_API_KEY", "sk-abcdefghijklmnop1234");
    private static final Requester IN_C1 = new Requester("slack", "T1", "C1", "U1", "alice");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("reelbot.yaml");
        Files.writeString(file, "video-api:\n  base-url: https://a.example.com\n" + yaml);
        return file;
    }

    @Test
    void withoutThemNoLimitNoPriceDollarsAndNoBudget() throws Exception {
        ReelbotConfig config = ConfigLoader.load(null, Map.of(), false);

        assertThat(config.videoApi().maxInFlight()).isEqualTo(VideoApiConfig.UNLIMITED);
        assertThat(config.quotas().queuedPerUser()).isEqualTo(10);
        assertThat(config.videoApi().models().all()).allSatisfy(m -> assertThat(m.price()).isNull());
        assertThat(config.billing().currency()).isEqualTo("USD");
        assertThat(config.billing().budgets()).isEqualTo(Budgets.NONE);
        assertThat(config.adminToken()).isEmpty();
    }

    @Test
    void pricesCurrencyBudgetsAndCapacityAreReadAsWritten() throws Exception {
        Path file = write("""
                  max-in-flight: 20
                  models:
                    - name: sora-2
                      price: 0.125/s
                    - name: kling-v2-1
                      price: 1.5 / video
                quotas:
                  queued-jobs-per-user: 4
                billing:
                  currency: cny
                budgets:
                  per-channel: 50
                  channels:
                    C1: 12.34
                  per-workspace: none
                  workspaces:
                    "123456789012345678": 500.000001
                """);

        ReelbotConfig config = ConfigLoader.load(file, KEY, true);

        assertThat(config.videoApi().maxInFlight()).isEqualTo(20);
        assertThat(config.quotas().queuedPerUser()).isEqualTo(4);
        assertThat(config.videoApi().models().specFor("sora-2").price())
                .isEqualTo(new Price(new BigDecimal("0.125"), Price.Unit.PER_SECOND));
        assertThat(config.videoApi().models().specFor("kling-v2-1").price())
                .isEqualTo(new Price(new BigDecimal("1.5"), Price.Unit.PER_VIDEO));
        assertThat(config.billing().currency()).isEqualTo("CNY");
        Budgets budgets = config.billing().budgets();
        assertThat(budgets.channel(IN_C1)).contains(cny("12.34"));
        assertThat(budgets.channel(IN_C1.inChannel("C2"))).contains(cny("50"));
        assertThat(budgets.workspace(IN_C1)).isEmpty();
        assertThat(budgets.workspaces()).containsEntry("123456789012345678", cny("500.000001"));
    }

    @Test
    void theEnvironmentOverridesThePlainKeys() throws Exception {
        Map<String, String> env = new HashMap<>(KEY);
        env.put("REELBOT_VIDEO_API_MAX_IN_FLIGHT", "unlimited");
        env.put("REELBOT_QUOTAS_QUEUED_JOBS_PER_USER", "3");
        env.put("REELBOT_BILLING_CURRENCY", "EUR");
        env.put("REELBOT_BUDGETS_PER_WORKSPACE", "99.90");
        env.put("ADMIN_API_TOKEN", "a-long-admin-token-1234");

        ReelbotConfig config = ConfigLoader.load(write("  max-in-flight: 5\n"), env, true);

        assertThat(config.videoApi().maxInFlight()).isEqualTo(VideoApiConfig.UNLIMITED);
        assertThat(config.quotas().queuedPerUser()).isEqualTo(3);
        assertThat(config.billing().budgets().workspace(IN_C1)).contains(new Money(new BigDecimal("99.90"), "EUR"));
        assertThat(config.adminToken()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("****1234"));
    }

    @Test
    void everyBadAmountPriceCurrencyAndLimitIsNamedWithItsKey() throws Exception {
        Path file = write("""
                  max-in-flight: 0
                  models:
                    - name: sora-2
                      price: 10 cents
                    - name: kling-v2-1
                      price: 0.1234567/s
                quotas:
                  queued-jobs-per-user: 0
                billing:
                  currency: dollars
                budgets:
                  per-channel: lots
                  channels:
                    C1: -5
                  workspaces:
                    T1: [1, 2]
                """);

        assertThatThrownBy(() -> ConfigLoader.load(file, KEY, true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("video-api.max-in-flight: '0' is not a number of jobs from 1 to 100000, or "
                        + "unlimited")
                .hasMessageContaining("video-api.models[0].price: '10 cents' is not a price: write an amount per "
                        + "second of video (0.10/s) or per video (0.50/video)")
                .hasMessageContaining("video-api.models[1].price: '0.1234567/s' has more than 6 decimal places")
                .hasMessageContaining("quotas.queued-jobs-per-user: 0 is outside 1..10000")
                .hasMessageContaining("billing.currency: 'dollars' is not an ISO 4217 currency code")
                .hasMessageContaining("budgets.per-channel: 'lots' is not an amount in USD (e.g. 50.00, or none)")
                .hasMessageContaining("budgets.channels.C1: '-5' is not an amount in USD")
                .hasMessageContaining("budgets.workspaces.T1: must be a single value");
    }

    private static Money cny(String amount) {
        return new Money(new BigDecimal(amount), "CNY");
    }
}
