package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.acceptedJobs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.Price;
import dev.reelbot.core.Reply;
import dev.reelbot.core.billing.UsagePeriod;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.Quotas;
import dev.reelbot.simulator.SimulatorCounts;
import dev.reelbot.simulator.SimulatorOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What was spent, as the admins see it, equals what the video API billed: the sum of the prices of the jobs the
 * simulator itself accepted, whatever was refused, failed, cancelled or turned away as busy on the way.
 */
class UsageTest {
    static final Price TEN_CENTS_A_SECOND = new Price(new BigDecimal("0.10"), Price.Unit.PER_SECOND);
    static final Price FIFTY_CENTS_A_VIDEO = new Price(new BigDecimal("0.50"), Price.Unit.PER_VIDEO);
    static final ModelCatalog PRICED = new ModelCatalog(List.of(
            ModelSpec.defaultsFor("sora-2").withPrice(TEN_CENTS_A_SECOND),
            ModelSpec.defaultsFor("kling-v2-1").withPrice(FIFTY_CENTS_A_VIDEO)));
    private static final Pattern TOTAL = Pattern.compile("\\): (\\d+) videos? · (\\d+\\.\\d+) USD");

    @TempDir
    Path dir;
    EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void adminUsageTotalsEqualTheSumOfThePricesOfTheJobsTheApiAccepted() {
        h = new EngineHarness(dir, SimulatorOptions.defaults().withFlakiness(0, 1).withMaxConcurrent(2),
                EngineSettings.defaults(dir.resolve("videos")), new Quotas(10, 100, 20), PRICED);
        for (String text : List.of("a cat --duration 8", "a dog --model kling-v2-1", "a storm [fail] --duration 4",
                "nope [moderated]", "a long one --duration 12", "another dog --model kling-v2-1 --duration 10")) {
            assertThat(h.command(text).ok()).isTrue();
            h.clock.advance(Duration.ofMillis(300));
            h.tick();
        }
        String cancelled = h.command(CapacityQueueTest.BOB, "bob changes his mind").jobId();
        h.tick();
        assertThat(h.job(cancelled).state()).isEqualTo(JobState.WAITING);
        h.engine.commands().cancel(CapacityQueueTest.BOB, cancelled);
        h.runUntilSettled();

        BigDecimal billedByTheApi = acceptedJobs(h.simulator).stream()
                .map(job -> (job.model().startsWith("sora") ? TEN_CENTS_A_SECOND : FIFTY_CENTS_A_VIDEO)
                        .costOf(job.seconds(), 1, "USD").amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(billedByTheApi).isEqualByComparingTo("3.40");
        assertThat(SimulatorCounts.refusedCreates(h.simulator)).as("some were turned away as busy").isPositive();

        Reply report = h.command(EngineHarness.ADMIN, "admin usage 7d");
        assertThat(report.ok()).isTrue();
        Matcher total = TOTAL.matcher(report.text());
        assertThat(total.find()).as(report.text()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).isEqualTo(acceptedJobs(h.simulator).size());
        assertThat(new BigDecimal(total.group(2))).isEqualByComparingTo(billedByTheApi);
        assertThat(report.text()).contains("1 failed").contains("refunds owed 1 (0.40 USD), resolved 0")
                .contains("By model:").contains("• sora-2: 3 videos · 2.40 USD")
                .contains("• kling-v2-1: 2 videos · 1.00 USD").contains("By user:").contains("By channel:");

        String csv = h.engine.usageCsv(UsagePeriod.LAST_7_DAYS, h.clock.instant());
        BigDecimal csvTotal = csv.lines().skip(1).map(line -> line.split(","))
                .filter(cells -> cells[11].equals("true"))
                .map(cells -> new BigDecimal(cells[12])).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(csvTotal).as(csv).isEqualByComparingTo(billedByTheApi);
        assertThat(csv.lines().count()).as("a header and every accepted job").isEqualTo(1 + 7);
        assertThat(Arrays.asList(csv.lines().findFirst().orElseThrow().split(","))).contains("price", "currency");

        NoticeView notice = (NoticeView) h.chat.events("notice").get(0).view();
        assertThat(notice.lines()).contains(new NoticeView.Fact("Amount", "0.40 USD"));
        assertThat(h.command(EngineHarness.ALICE, "admin usage 7d").text()).startsWith("Only admins can do that");
    }

    @Test
    void aUsersOwnUsageShowsThisMonthsSpendAndWhatTheyMayStillStart() {
        h = new EngineHarness(dir, Quotas.DEFAULTS, PRICED);
        h.command("a cat --duration 8");
        h.command("a dog --model kling-v2-1");
        h.runUntilSettled();

        String usage = h.command("usage").text();

        assertThat(usage).contains("Your videos this month (since 2026-11-01 00:00 UTC): 2 videos, 13 s of video, "
                + "1.30 USD; 0 failed.").contains("Now: 0 in progress, 0 waiting to start.")
                .contains("You may start 23 more in the next 24 hours (of 25 a day), with up to 3 in progress at "
                        + "once and 10 more waiting (of 10).");
        assertThat(h.command(CapacityQueueTest.BOB, "usage").text()).contains(": 0 videos, 0 s of video, 0.00 USD");
    }
}
