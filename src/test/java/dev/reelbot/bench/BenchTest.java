package dev.reelbot.bench;

import static dev.reelbot.simulator.SimulatorCounts.acceptedCreates;
import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static dev.reelbot.simulator.SimulatorCounts.createStatusesByPrompt;
import static dev.reelbot.simulator.SimulatorCounts.refusedCreates;
import static dev.reelbot.simulator.SimulatorCounts.sentAtMostOnceBeyondRefusals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.JobState;
import dev.reelbot.simulator.ApiSimulator;
import dev.reelbot.simulator.SimulatorOptions;
import dev.reelbot.videoapi.TestApis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark itself, small: a few dozen one-second jobs through the whole engine against the simulator. Checks
 * what it counts and that it prints every figure; the figures' values belong to the bench command, not to a test.
 */
class BenchTest {
    @TempDir
    Path dir;

    @Test
    void runsEveryJobToItsEndAndPrintsEveryFigure() throws Exception {
        int jobs = 40;
        int burst = 30;
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults()
                .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
            BenchReport report = new Bench(new BenchOptions(jobs, 1, 4, Duration.ofMinutes(2), burst)).run(dir,
                    TestApis.forSimulator(simulator, Bench.MODELS, Clock.systemUTC(), Duration.ofSeconds(10)));

            assertThat(report.states()).isEqualTo(Map.of(JobState.COMPLETED, jobs));
            assertThat(report.creates()).isEqualTo(jobs);
            assertThat(createRequests(simulator)).as("the jobs, then the burst").isEqualTo(jobs + burst);
            assertThat(report.burstAcksMillis().count()).as("every burst command answered").isEqualTo(burst);
            assertThat(report.notices()).isZero();
            assertThat(report.invisibleEdits()).isZero();
            assertThat(report.messagesInProgress()).isZero();
            assertThat(report.finalSeconds().count()).as("every completed job measured").isEqualTo(jobs);
            assertThat(report.seenSeconds().at(99) + report.deliverySeconds().at(0))
                    .as("the parts never exceed the whole").isLessThanOrEqualTo(report.finalSeconds().at(100) + 1e-9);
            assertThat(report.pollsPerJob()).isGreaterThanOrEqualTo(1);
            assertThat(report.messageUpdatesPerJob()).as("a post and at least the final edit").isGreaterThanOrEqualTo(2);
            assertThat(report.peakTracked()).isPositive().isLessThanOrEqualTo(jobs);

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("command-to-ack latency p50: ",
                    "command-to-ack latency p99: ", "API-completed-to-final-message latency p50: ",
                    "API-completed-to-final-message latency p99: ", "of which API-completed-to-poll-seeing-it p99: ",
                    "of which poll-seeing-it-to-final-message p99: ", "GET polls per job: ",
                    "message posts and edits per job: ", "peak heap used: ", "peak threads: ",
                    "CPU seconds per 1,000 jobs: ", "burst command-to-ack latency p99: ");
        }
    }

    @Test
    void againstAKeyLimitEveryJobWaitsItsTurnAndIsAcceptedExactlyOnce() throws Exception {
        int jobs = 24;
        try (ApiSimulator simulator = ApiSimulator.start(SimulatorOptions.defaults()
                .withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)).withMaxConcurrent(4))) {
            BenchReport report = new Bench(new BenchOptions(jobs, 1, 4, Duration.ofMinutes(2), 0)).run(dir,
                    TestApis.forSimulator(simulator, Bench.MODELS, Clock.systemUTC(), Duration.ofSeconds(10)));

            assertThat(report.states()).isEqualTo(Map.of(JobState.COMPLETED, jobs));
            assertThat(acceptedCreates(simulator)).as("one accepted create per job").isEqualTo(jobs);
            assertThat(sentAtMostOnceBeyondRefusals(simulator)).as("%s", createStatusesByPrompt(simulator)).isTrue();
            assertThat(report.refusedCreates()).as("the bench counts what the simulator refused")
                    .isEqualTo(refusedCreates(simulator)).isPositive();
            assertThat(report.creates()).isEqualTo(jobs + report.refusedCreates());
            assertThat(report.queueWaitSeconds().count()).as("every accepted job's wait measured").isEqualTo(jobs);
            assertThat(report.queueWaitSeconds().at(100)).as("with 4 at a time, the last of 24 one-second jobs "
                    + "waits for five turns").isGreaterThanOrEqualTo(4.0);

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("refused as busy",
                    "queue wait (command to API acceptance) p50: ", "queue wait (command to API acceptance) max: ");
        }
    }
}
