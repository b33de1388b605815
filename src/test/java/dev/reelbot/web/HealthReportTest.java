package dev.reelbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.testing.LogCapture;
import dev.reelbot.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The probes see only what they depend on, and every change of a component's state is logged once, with why. */
class HealthReportTest {
    private final AtomicReference<Health> api = new AtomicReference<>(Health.up("reachable"));
    private final AtomicReference<Health> admins = new AtomicReference<>(Health.up("ok"));
    private final MutableClock clock = MutableClock.at("2026-11-30T12:00:00Z");
    private final SchedulerHeartbeat heartbeat = new SchedulerHeartbeat(clock, Duration.ofSeconds(60));
    private final HealthReport report = new HealthReport()
            .add("scheduler", HealthReport.Scope.LIVENESS, heartbeat)
            .add("videoApi", api::get)
            .add("adminChannel", HealthReport.Scope.REPORTED, admins::get);

    @Test
    void anApiOutageFailsReadinessButNeverLiveness() {
        api.set(Health.down("connection refused"));

        HealthReport.Result live = report.check(HealthReport.Probe.LIVE);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).contains("scheduler").doesNotContain("videoApi");
        assertThat(report.check(HealthReport.Probe.READY).status()).isEqualTo(503);
        HealthReport.Result detailed = report.check();
        assertThat(detailed.status()).isEqualTo(503);
        assertThat(detailed.body()).contains("\"videoApi\":{\"status\":\"DOWN\",\"detail\":\"connection refused\"}")
                .contains("adminChannel");
    }

    @Test
    void aSchedulerThatStoppedTickingFailsEveryProbe() {
        heartbeat.beat();
        clock.advance(Duration.ofSeconds(59));
        assertThat(report.check(HealthReport.Probe.LIVE).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));

        HealthReport.Result live = report.check(HealthReport.Probe.LIVE);
        assertThat(live.status()).isEqualTo(503);
        assertThat(live.body()).contains("the scheduler has not ticked for 61 s");
        assertThat(report.check(HealthReport.Probe.READY).status()).isEqualTo(503);
    }

    @Test
    void aReportedComponentShowsInTheDetailWithoutFailingAProbe() {
        admins.set(Health.down("not_in_channel"));

        assertThat(report.check().status()).isEqualTo(200);
        assertThat(report.check().body()).contains("\"adminChannel\":{\"status\":\"DOWN\"");
        assertThat(report.check(HealthReport.Probe.READY).status()).isEqualTo(200);
    }

    @Test
    void aDegradedComponentAnswers200AndTheReportSaysDegradedAndWhy() {
        admins.set(Health.degraded("1 refund notice cannot reach the admin channel"));

        HealthReport.Result result = report.check();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).startsWith("{\"status\":\"DEGRADED\"")
                .contains("\"adminChannel\":{\"status\":\"DEGRADED\",\"detail\":\"1 refund notice cannot reach");
        assertThat(report.check(HealthReport.Probe.READY).body()).startsWith("{\"status\":\"UP\"");
    }

    @Test
    void downWinsOverDegradedAndAFailingCheckIsDown() {
        admins.set(Health.degraded("trouble"));
        HealthReport failing = new HealthReport().add("adminChannel", HealthReport.Scope.REPORTED, admins::get)
                .add("poller", () -> {
                    throw new IllegalStateException("broken");
                });

        HealthReport.Result result = failing.check();
        assertThat(result.status()).isEqualTo(503);
        assertThat(result.body()).startsWith("{\"status\":\"DOWN\"").contains("IllegalStateException: broken");
    }

    @Test
    void eachChangeOfStateIsLoggedOnceWithItsReason() {
        try (LogCapture logs = new LogCapture()) {
            report.check();
            api.set(Health.down("the API refused the key (HTTP 401)"));
            report.check();
            report.check(HealthReport.Probe.READY);
            api.set(Health.up("reachable"));
            report.check();

            assertThat(logs.lines()).filteredOn(l -> l.contains("health:")).containsExactly(
                    "WARN dev.reelbot.web.HealthReport - health: videoApi is DOWN (was UP): the API refused the key "
                            + "(HTTP 401) [component=\"videoApi\", status=\"DOWN\"]",
                    "INFO dev.reelbot.web.HealthReport - health: videoApi is UP (was DOWN): reachable "
                            + "[component=\"videoApi\", status=\"UP\"]");
        }
    }
}
