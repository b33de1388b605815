package dev.reelbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The answer of {@code /healthz}: the worst component decides; degraded still answers 200, down answers 503. */
class HealthReportTest {

    @Test
    void aDegradedComponentAnswers200AndSaysWhy() {
        HealthReport.Result result = new HealthReport().add("store", () -> Health.up("ok"))
                .add("adminChannel", () -> Health.degraded("1 refund notice cannot reach the admin channel")).check();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("\"status\":\"DEGRADED\"")
                .contains("\"adminChannel\":{\"status\":\"DEGRADED\",\"detail\":\"1 refund notice cannot reach");
    }

    @Test
    void downWinsOverDegradedAndAFailingCheckIsDown() {
        HealthReport.Result result = new HealthReport().add("adminChannel", () -> Health.degraded("trouble"))
                .add("scheduler", () -> {
                    throw new IllegalStateException("broken");
                }).check();

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.body()).startsWith("{\"status\":\"DOWN\"").contains("IllegalStateException: broken");
    }
}
