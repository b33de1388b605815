package dev.reelbot.core.engine;

import dev.reelbot.core.job.FinishSample;
import java.time.Duration;

/**
 * When to poll a job whose progress moves in coarse steps, from what {@link RunModel} learned of its kind. A step
 * shown at share {@code s} of the run at a time known within ±δ pins the job's own run within ±δ/s, far tighter
 * than the spread of runs, so polls go where they teach most: {@value #STEP_POLLS} spread over the window in which
 * the next late step will likely show (catching it costs about half that, as the first poll that sees it ends the
 * search), then a few around the finish the steps predict, {@link #FINISHING} apart at most, then, should the job
 * run past that window, ever more slowly up to the shortest interval. Between windows it does not poll: coarse
 * progress would show nothing new; nor right after the create (the job's first poll is the first window's). Steps
 * shown before {@link #MIN_SHARE} of the run are not aimed at: the first (10%, as the job leaves the API's queue)
 * says little of the run. The 20% step, at 0.4 of it, is aimed at: it pins the run well enough for the 30% window
 * to be narrow, and aiming at it keeps the samples knowing it (unaimed, it was mostly first seen by the poll that
 * saw 30%, the samples no longer placed it, and finish windows spanned seconds and spent the budget).
 *
 * <p>Every poll is held to a budget ({@link #budgetWait}): by any moment a job has had no more than {@link #SLACK}
 * polls beyond one per shortest interval since its submission, however dense its windows; dense polls spend what
 * the waits before them saved. Pure: the random draw is passed in.
 */
final class LearnedSchedule {
    /** Polls spread over the window of a step. */
    static final int STEP_POLLS = 4;
    /** Polls spread over the window of the finish, no further apart than {@link #FINISHING}. */
    static final int FINISH_POLLS = 2;
    /** At most this long between polls around the finish: with the GET, download and chat call, under a second. */
    static final Duration FINISHING = Duration.ofMillis(500);
    /** Never closer together than this, however narrow a window. */
    static final Duration DENSEST = Duration.ofMillis(250);
    /** Steps shown before this share of the run are not aimed at (see above). */
    static final double MIN_SHARE = 0.3;
    /**
     * Polls the budget allows beyond one per shortest interval (besides the first, right after the create), so a
     * job whose step came late in its window still has polls left for its finish.
     */
    static final int SLACK = 2;

    private LearnedSchedule() {
    }

    /**
     * The next poll.
     *
     * @param delay   how long from now
     * @param urgent  whether it may find the job done (it then goes before routine progress polls, as a delivery
     *                does); polls for a step are routine, so a busy engine never puts them before deliveries
     */
    record Plan(Duration delay, boolean urgent) {
    }

    /**
     * The next poll of a job still running {@code elapsed} ms after its submission, as the polls in {@code log} saw it.
     *
     * @param random a draw in [0, 1): where within the first gap of a window the first poll falls, so jobs submitted
     *               together do not poll in lockstep
     */
    static Plan next(RunModel model, ProgressLog log, long elapsed, EngineSettings s, double random) {
        long shortest = s.minPollInterval().toMillis();
        // What the job's own steps say of its run, within what the samples say; when the two disagree (a run
        // shorter or longer than any sampled), its own steps.
        double[] steps = model.stepBounds(log::after, log::by);
        // The samples' longest run is no bound for a job that has outlived it: in a burst the short runs finish
        // (and are learned) first, so for a while the samples know only those; the job's own steps bound it then.
        double high = log.lastAsked() > model.runHigh() ? steps[1] : Math.min(model.runHigh(), steps[1]);
        double[] shown = {Math.max(model.runLow(), steps[0]), high};
        if (shown[0] > shown[1]) {
            shown = steps[0] <= steps[1] && steps[1] < Double.POSITIVE_INFINITY ? steps
                    : new double[] {model.runLow(), model.runHigh()};
        }
        double low = Math.max(shown[0], log.lastAsked());
        for (int t = Math.max(1, log.tenth() + 1); t < FinishSample.TENTHS; t++) {
            if (model.known()[t]) {
                low = Math.max(low, log.lastAsked() / model.shareHigh(t));
            }
        }
        int target = nextStep(model, log);
        double lowShare = target < 0 ? 1 : model.shareLow(target);
        double highShare = target < 0 ? 1 : model.shareHigh(target);
        // Where the window starts follows every poll that did not see it yet; its end, and the gap between polls,
        // only what was shown (else each poll that saw nothing would narrow the gap, ever denser).
        double start = low * lowShare;
        double end = shown[1] * highShare;
        double gap = target < 0
                ? clamp((shown[1] - shown[0]) / FINISH_POLLS, DENSEST.toMillis(), FINISHING.toMillis())
                : clamp((end - shown[0] * lowShare) / STEP_POLLS, DENSEST.toMillis(), shortest);
        double wait;
        if (elapsed >= end) {
            wait = clamp((elapsed - end) / 2, gap, shortest);
        } else if (elapsed < start) {
            wait = Math.min(start - elapsed + random * gap, s.maxPollInterval().toMillis());
        } else {
            wait = gap;
        }
        wait = Math.max(wait, budgetWait(log, elapsed, s));
        boolean urgent = target < 0 && elapsed + wait >= start;
        return new Plan(Duration.ofMillis(Math.round(wait)), urgent);
    }

    /** The next step worth aiming at: the first known tenth not shown yet, late enough in the run; -1 for none. */
    private static int nextStep(RunModel model, ProgressLog log) {
        for (int t = Math.max(1, log.tenth() + 1); t < FinishSample.TENTHS; t++) {
            if (model.known()[t] && model.share()[t] >= MIN_SHARE) {
                return t;
            }
        }
        return -1;
    }

    /**
     * The least wait the budget allows before the next poll of a job {@code elapsed} ms after its submission: the
     * n-th poll never before (n − 1 − {@link #SLACK}) shortest intervals, so by any moment t a job has had at most
     * ⌊t / interval⌋ + 1 + {@link #SLACK} polls.
     */
    static long budgetWait(ProgressLog log, long elapsed, EngineSettings s) {
        return Math.max(0, (log.polls() - SLACK) * s.minPollInterval().toMillis() - elapsed);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
