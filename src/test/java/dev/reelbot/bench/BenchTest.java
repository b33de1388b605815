package dev.reelbot.bench;

import static dev.reelbot.simulator.SimulatorCounts.acceptedCreates;
import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static dev.reelbot.simulator.SimulatorCounts.createStatusesByPrompt;
import static dev.reelbot.simulator.SimulatorCounts.refusedCreates;
import static dev.reelbot.simulator.SimulatorCounts.sentAtMostOnceBeyondRefusals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.ProgressShape;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.simulator.Timing;
import dev.reelbot.videoapi.TestApis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark itself, small: a few dozen one-second jobs through the whole engine and through the baseline,
 * against the simulator with coarse progress and jittered lengths, on a chat with latency and rate limits. Checks
 * what it counts, that its figures are sane and that it prints every one; their values belong to the bench
 * command, not to a test.
 */
class BenchTest {
    @TempDir
    Path dir;

    @Test
    void runsEveryJobToItsEndThroughBothContendersAndPrintsEveryFigure() throws Exception {
        int jobs = 30;
        int burst = 20;
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults()
                .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60))
                .withTiming(new Timing(ProgressShape.COARSE, 0.3, Duration.ofMillis(20))))) {
            BenchOptions options = new BenchOptions(jobs, 1, 4, Duration.ofMinutes(2), burst, 10,
                    Duration.ofMillis(5), 5, true, 0, dir.resolve("timelines.txt"));
            BenchReport report = new Bench(options).run(dir, TestApis.forSimulator(simulator, Bench.MODELS,
                    Clock.systemUTC(), Duration.ofSeconds(10)), simulator.baseUrl());

            for (Figures run : new Figures[] {report.bot(), report.baseline()}) {
                assertThat(run.outcomes()).isEqualTo(Map.of("COMPLETED", jobs));
                assertThat(run.creates()).isEqualTo(jobs);
                assertThat(run.sentTwice()).isZero();
                assertThat(run.notices()).isZero();
                assertThat(run.leftInProgress()).isZero();
                assertThat(run.finals().count()).as("every completed job measured").isEqualTo(jobs);
                assertThat(run.finals().at(0)).as("no final message before the API completed").isPositive();
                assertThat(run.seen().at(99) + run.delivered().at(0))
                        .as("the parts never exceed the whole").isLessThanOrEqualTo(run.finals().at(100) + 1e-6);
                assertThat(run.toPost().at(0)).as("no create before its command").isGreaterThanOrEqualTo(0);
                assertThat(run.staleness().count()).as("three steps of coarse progress a job").isEqualTo(3 * jobs);
                assertThat(run.staleness().at(0)).isGreaterThanOrEqualTo(0);
                assertThat(run.pollsPerJob()).isGreaterThanOrEqualTo(1);
                assertThat(run.updatesPerJob()).as("a post and at least the final edit").isGreaterThanOrEqualTo(2);
                assertThat(run.resources().peakTracked()).isPositive().isLessThanOrEqualTo(jobs);
                assertThat(run.resources().cpuSeconds()).isPositive();
            }
            List<String> timelines = Files.readAllLines(dir.resolve("timelines.txt"));
            for (Figures run : new Figures[] {report.bot(), report.baseline()}) {
                String by = run == report.bot() ? "bot " : "baseline ";
                List<String> lines = timelines.stream().filter(line -> line.startsWith(by)).toList();
                assertThat(lines).as("a timeline per measured job").hasSize(jobs);
                assertThat(lines.stream().mapToInt(line -> line.split("polls=")[1].split(",").length).sum())
                        .as("every poll in a timeline").isEqualTo(Math.round(run.pollsPerJob() * jobs));
                assertThat(lines).allSatisfy(line -> assertThat(line).matches(
                        "\\S+ run=[0-9.]+ seen=[0-9.]+ final=[0-9.]+ steps=10@[0-9.]+,20@[0-9.]+,30@[0-9.]+ polls=.*"));
            }
            assertThat(report.bot().invisible()).isZero();
            assertThat(report.burst().jobs()).isEqualTo(burst);
            assertThat(report.burst().sentTwice()).isZero();
            assertThat(report.burst().toPost().count()).as("every burst command sent").isEqualTo(burst);
            assertThat(createRequests(simulator)).as("warm-up, jobs and burst, for each contender")
                    .isEqualTo(2 * (10 + jobs + burst));
            assertThat(sentAtMostOnceBeyondRefusals(simulator)).as("the contenders' prompts are their own: %s",
                    createStatusesByPrompt(simulator)).isTrue();

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
            String text = printed.toString(StandardCharsets.UTF_8);
            for (String label : BenchReport.labels()) {
                assertThat(text).contains(label + ": ");
            }
            assertThat(text).contains("| baseline ", "| bot/baseline ", "jobs: " + jobs + ": COMPLETED=" + jobs);
        }
    }

    @Test
    void againstAKeyLimitEveryJobWaitsItsTurnAndIsAcceptedExactlyOnce() throws Exception {
        int jobs = 24;
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults()
                .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)).withMaxConcurrent(4))) {
            BenchReport report = new Bench(BenchOptions.quick(jobs, 1, 0)).run(dir, TestApis.forSimulator(simulator,
                    Bench.MODELS, Clock.systemUTC(), Duration.ofSeconds(10)), simulator.baseUrl());

            Figures run = report.bot();
            assertThat(run.outcomes()).isEqualTo(Map.of("COMPLETED", jobs));
            assertThat(acceptedCreates(simulator)).as("one accepted create per job").isEqualTo(jobs);
            assertThat(sentAtMostOnceBeyondRefusals(simulator)).as("%s", createStatusesByPrompt(simulator)).isTrue();
            assertThat(run.refused()).as("the bench counts what the simulator refused")
                    .isEqualTo(refusedCreates(simulator)).isPositive();
            assertThat(run.creates()).isEqualTo(jobs + run.refused());
            assertThat(run.sentTwice()).as("a create sent again after a refusal is not a second job").isZero();
            assertThat(run.queueWait().count()).as("every accepted job's wait measured").isEqualTo(jobs);
            assertThat(run.queueWait().at(100)).as("with 4 at a time, the last of 24 one-second jobs waits for five "
                    + "turns").isGreaterThanOrEqualTo(4.0);

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("refused as busy",
                    "queue wait (command to API acceptance) p50: ", "queue wait (command to API acceptance) max: ");
        }
    }
}
