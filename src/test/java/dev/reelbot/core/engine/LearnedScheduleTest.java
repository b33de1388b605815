package dev.reelbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.FinishSample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The learned schedule on jobs like the simulator's {@code --progress coarse} (queued for the first tenth of the run,
 * then 10, 20 and 30% at fixed shares of each job's own run, then done) with 30% duration jitter: where it polls,
 * what that costs against a fixed 2 s poller, and how soon it sees each finish. Deterministic: seeded draws, times
 * in milliseconds.
 */
class LearnedScheduleTest {
    private static final EngineSettings S = EngineSettings.defaults(Path.of("videos"));
    private static final long ANSWER_MILLIS = 20;

    /** The progress a coarse job of {@code run} ms shows {@code at} ms after submission (100 once done). */
    static int coarse(double run, double at) {
        double share = at / run;
        if (share >= 1) {
            return 100;
        }
        double running = (share - 0.1) / 0.9;
        return share < 0.1 ? 0 : running < 1 / 3.0 ? 10 : running < 2 / 3.0 ? 20 : 30;
    }

    /** Samples of {@code count} coarse jobs of 14..26 s, each step and finish seen within 100 ms. */
    static List<FinishSample> coarseSamples(int count) {
        List<FinishSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long run = 14_000 + 12_000L * i / Math.max(1, count - 1);
            long[] after = new long[FinishSample.TENTHS];
            long[] by = new long[FinishSample.TENTHS];
            Arrays.fill(after, -1);
            Arrays.fill(by, -1);
            double[] shares = {0, 0.1, 0.4, 0.7};
            for (int t = 1; t <= 3; t++) {
                after[t] = Math.round(run * shares[t]) - 50;
                by[t] = Math.round(run * shares[t]) + 50;
            }
            samples.add(new FinishSample("j" + i, "sora-2", 20, Instant.EPOCH, run - 100, run + 100, after, by));
        }
        return samples;
    }

    /** One job polled as the schedule says from submission to the poll that sees it done. */
    record Run(double run, List<Long> asked, long seen) {
        long latency() {
            return Math.round(seen - run);
        }
    }

    static Run poll(RunModel model, double run, Random random) {
        ProgressLog log = new ProgressLog();
        List<Long> asked = new ArrayList<>();
        long at = 0;
        while (true) {
            asked.add(at);
            long answered = at + ANSWER_MILLIS;
            int progress = coarse(run, at);
            if (progress == 100) {
                return new Run(run, asked, answered);
            }
            log.running(at, answered, progress);
            at = answered + LearnedSchedule.next(model, log, answered, S, random.nextDouble()).delay().toMillis();
        }
    }

    @Test
    void catchesEachJobsFinishWithinASecondAndPollsLessThanAFixedTwoSecondPoller() {
        RunModel model = RunModel.of(coarseSamples(100)).orElseThrow();
        Random random = new Random(15);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            runs.add(poll(model, 20_000 * (1 + 0.3 * (2 * random.nextDouble() - 1)), random));
        }

        long[] latencies = runs.stream().mapToLong(Run::latency).sorted().toArray();
        double polls = runs.stream().mapToInt(r -> r.asked().size()).average().orElseThrow();
        double fixed = runs.stream().mapToDouble(r -> Math.ceil(r.run() / 2000)).average().orElseThrow();
        assertThat(latencies[latencies.length * 99 / 100]).as("p99 of completion to the poll that sees it, ms")
                .isLessThanOrEqualTo(LearnedSchedule.FINISHING.toMillis() + 2 * ANSWER_MILLIS);
        assertThat(polls).as("polls per job, against %.2f for a poll every 2 s", fixed).isLessThan(fixed);
    }

    @Test
    void noJobEverHasMorePollsByAnyMomentThanTheBudget() {
        RunModel model = RunModel.of(coarseSamples(100)).orElseThrow();
        Random random = new Random(16);
        for (int i = 0; i < 300; i++) {
            double run = 20_000 * (1 + 0.6 * (2 * random.nextDouble() - 1));
            List<Long> asked = poll(model, run, random).asked();
            for (int n = 1; n <= asked.size(); n++) {
                assertThat(asked.get(n - 1)).as("poll %d of a %.0f ms run", n, run)
                        .isGreaterThanOrEqualTo((n - 1L - LearnedSchedule.SLACK) * S.minPollInterval().toMillis());
            }
        }
    }

    @Test
    void pollsAroundTheStepsTheSamplesPredictThenAroundTheFinishTheyPin() {
        RunModel model = RunModel.of(coarseSamples(100)).orElseThrow();
        Run job = poll(model, 20_000, new Random(17));

        // 20% shows at 8 s and 30% at 14 s: no poll between the first and the earliest the samples say 20% can show,
        // then polls over each step's window until one sees it, then only polls around the finish the steps pin
        // (about 18 to 21 s), close together.
        List<Long> asked = job.asked();
        assertThat(asked.get(1)).as("polls %s", asked).isGreaterThanOrEqualTo(Math.round(model.runLow()
                * model.shareLow(2)));
        int saw20 = 1;
        while (coarse(20_000, asked.get(saw20)) < 20) {
            saw20++;
        }
        // Not yet 20% at the poll before: the run is at least that long over 20%'s share, and 30% comes no sooner.
        assertThat(asked.get(saw20 + 1)).as("no poll before 30%% can show, once 20%% pinned the run: %s", asked)
                .isGreaterThanOrEqualTo(Math.round(asked.get(saw20 - 1) / model.shareHigh(2) * model.shareLow(3)));
        int sawStep = 1;
        while (coarse(20_000, asked.get(sawStep)) < 30) {
            sawStep++;
        }
        assertThat(asked.subList(sawStep + 1, asked.size())).as("polls %s", asked)
                .allSatisfy(at -> assertThat(at).isBetween(17_500L, 20_600L));
        assertThat(job.latency()).isLessThanOrEqualTo(LearnedSchedule.FINISHING.toMillis() + 2 * ANSWER_MILLIS);
        List<Long> last = job.asked().subList(job.asked().size() - 3, job.asked().size());
        assertThat(last.get(2) - last.get(1)).as("densely at the end: %s", job.asked())
                .isLessThanOrEqualTo(LearnedSchedule.FINISHING.toMillis() + 2 * ANSWER_MILLIS);
    }

    @Test
    void aStepShownNarrowsTheWindowOfTheNextToThatJobsOwnRun() {
        RunModel model = RunModel.of(coarseSamples(100)).orElseThrow();
        ProgressLog log = new ProgressLog();
        log.running(0, 20, 0);
        log.running(7_000, 7_020, 10);
        log.running(7_500, 7_520, 20);

        long wait = LearnedSchedule.next(model, log, 7_520, S, 0).delay().toMillis();

        // 20% between 7.0 and 7.52 s, at a share of 0.4 give or take 0.01: a run of about 17.1..19.3 s, so 30% (at
        // 0.7 of it, give or take as much) from about 11.8 s, not from 0.7 of the shortest run sampled (9.8 s).
        assertThat(7_520 + wait).as("the first poll for 30%%").isBetween(11_500L, 12_300L);
    }

    @Test
    void aJobThatOutlivedEverySampledRunIsPolledWithinItsOwnStepBoundsNotSlowedDown() {
        // In a burst the short runs finish first: for a while the samples know runs of 14 to 19 s only.
        List<FinishSample> shortRuns = coarseSamples(200).stream().filter(s -> s.runBy() <= 19_100).toList();
        RunModel model = RunModel.of(shortRuns).orElseThrow();
        assertThat(model.runHigh()).isLessThan(19_500);
        ProgressLog log = new ProgressLog();
        log.running(0, 20, 0);
        log.running(6_000, 6_020, 10);
        log.running(9_000, 9_020, 20);
        log.running(13_000, 13_020, 20);
        log.running(16_000, 16_020, 30);
        log.running(19_500, 19_520, 30);
        log.running(20_500, 20_520, 30);
        log.running(21_000, 21_020, 30);

        // Its own steps say its run ends between about 18.3 and 23.1 s: 21 s is inside, so polls stay close.
        long wait = LearnedSchedule.next(model, log, 21_020, S, 0.5).delay().toMillis();

        assertThat(wait).as("not slowed as a job past its window").isLessThanOrEqualTo(
                LearnedSchedule.FINISHING.toMillis());
    }

    @Test
    void aJobStalledPastItsWindowSlowsToTheShortestIntervalAndStaysWithinTheBudget() {
        RunModel model = RunModel.of(coarseSamples(100)).orElseThrow();
        ProgressLog log = new ProgressLog();
        long at = 0;
        List<Long> waits = new ArrayList<>();
        while (at < 300_000) {
            log.running(at, at + ANSWER_MILLIS, at < 8_000 ? 10 : at < 12_000 ? 20 : 30);
            long wait = LearnedSchedule.next(model, log, at + ANSWER_MILLIS, S, 0.5).delay().toMillis();
            waits.add(wait);
            at += ANSWER_MILLIS + wait;
        }

        assertThat(log.polls()).as("five minutes stuck at 30%%").isLessThanOrEqualTo(300_000 / 2_000 + 2);
        assertThat(waits.subList(waits.size() - 10, waits.size())).as("long past the window")
                .allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(S.minPollInterval().toMillis() - 30));
    }

    @Test
    void tooFewSamplesOrProgressThatPredictsTheFinishLeaveTheProgressSchedule() {
        assertThat(RunModel.of(coarseSamples(RunModel.ENOUGH - 1))).isEmpty();
        assertThat(RunModel.of(coarseSamples(RunModel.ENOUGH)).orElseThrow().progressPredictsFinish()).isFalse();

        List<FinishSample> linear = new ArrayList<>();
        for (FinishSample s : coarseSamples(20)) {
            long[] after = s.after().clone();
            long[] by = s.by().clone();
            for (int t = 1; t < FinishSample.TENTHS; t++) {
                after[t] = s.runAfter() * t / 10 - 100;
                by[t] = s.runAfter() * t / 10 + 100;
            }
            linear.add(new FinishSample(s.jobId(), s.model(), s.seconds(), s.submittedAt(), s.runAfter(), s.runBy(),
                    after, by));
        }
        assertThat(RunModel.of(linear).orElseThrow().progressPredictsFinish()).isTrue();
    }

    @Test
    void impreciseSamplesDoNotWidenAStepThatPreciseOnesPin() {
        List<FinishSample> samples = new ArrayList<>(coarseSamples(30));
        for (FinishSample s : coarseSamples(30)) {
            long[] after = s.after().clone();
            long[] by = s.by().clone();
            after[3] -= 1_800;
            by[3] += 1_800;
            samples.add(new FinishSample(s.jobId() + "-coarse", s.model(), s.seconds(), s.submittedAt(), s.runAfter(),
                    s.runBy(), after, by));
        }

        RunModel model = RunModel.of(samples).orElseThrow();

        assertThat(model.share()[3]).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.01));
        assertThat(model.spread()[3]).as("polled 3.6 s apart, they still agree with 0.7").isLessThan(0.02);
        assertThat(Duration.ofMillis(model.runHigh() - model.runLow())).as("14..26 s and a margin")
                .isBetween(Duration.ofSeconds(12), Duration.ofSeconds(14));
    }
}
