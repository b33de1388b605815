package dev.reelbot.core.engine;

import dev.reelbot.core.job.FinishSample;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * What the latest completed jobs of one model at one requested duration say about a job's timing: how long such a
 * run lasts (the shortest to the longest seen, with a margin), and for each tenth of progress at what share of its
 * own run a job first shows it, give or take. Each sample is a pair of bounds (see {@link FinishSample}): the share
 * is the middle of the stretch most samples' bounds agree on, and a sample's imprecision (polls far apart) widens
 * nothing, only how far a sample lies beyond its own bounds counts as spread, so a few precise samples pin a step
 * down even among many coarse ones.
 *
 * @param runLow  runs rarely end sooner than this (milliseconds after submission): the shortest seen, less a margin
 * @param runHigh runs rarely end later than this: the longest seen, and a margin
 * @param share   for each tenth, the typical share of its run at which a job first shows it (0 when not known)
 * @param spread  how far from {@code share} a job's own share may lie
 * @param known   whether enough of the samples showed the tenth for its share to be known
 */
record RunModel(long runLow, long runHigh, double[] share, double[] spread, boolean[] known) {
    /** Fewer samples than this say nothing yet: polls keep to the progress-based schedule and its 2 s cap. */
    static final int ENOUGH = 10;
    /**
     * Runs are planned for from the shortest to the longest of the samples, widened by this share of that range
     * either way (a run outside it is still found, by polls past the window, later).
     */
    private static final double RUN_MARGIN = 0.05;
    /** The share of samples allowed outside a step's spread. */
    private static final double STEP_TAIL = 0.05;
    /** Spread no step is known better than: the bot's own clock readings are a few milliseconds apart from the API's. */
    private static final double MIN_SPREAD = 0.005;
    private static final long RUN_MARGIN_MILLIS = 100;

    /** The model of {@code samples} (all of one kind), or empty with fewer than {@link #ENOUGH}. */
    static Optional<RunModel> of(List<FinishSample> samples) {
        int n = samples.size();
        if (n < ENOUGH) {
            return Optional.empty();
        }
        double[] share = new double[FinishSample.TENTHS];
        double[] spread = new double[FinishSample.TENTHS];
        boolean[] known = new boolean[FinishSample.TENTHS];
        for (int tenth = 1; tenth < FinishSample.TENTHS; tenth++) {
            int t = tenth;
            List<FinishSample> showing = samples.stream().filter(s -> s.reached(t)).toList();
            if (showing.size() < ENOUGH || showing.size() * 2 < n) {
                continue;
            }
            double[] lows = new double[showing.size()];
            double[] highs = new double[showing.size()];
            for (int i = 0; i < lows.length; i++) {
                FinishSample s = showing.get(i);
                lows[i] = (double) s.after()[t] / s.runBy();
                highs[i] = (double) s.by()[t] / Math.max(1, s.runAfter());
            }
            double[] agreed = mostAgreed(lows, highs);
            double typical = (agreed[0] + agreed[1]) / 2;
            double[] beyond = new double[lows.length];
            for (int i = 0; i < lows.length; i++) {
                beyond[i] = Math.max(0, Math.max(lows[i] - typical, typical - highs[i]));
            }
            Arrays.sort(beyond);
            share[t] = typical;
            spread[t] = beyond[(int) Math.ceil((1 - STEP_TAIL) * (beyond.length - 1))] + (agreed[1] - agreed[0]) / 2
                    + MIN_SPREAD;
            known[t] = true;
        }
        RunModel steps = new RunModel(0, Long.MAX_VALUE, share, spread, known);
        double[] runs = new double[n];
        for (int i = 0; i < n; i++) {
            FinishSample s = samples.get(i);
            double[] within = steps.stepBounds(t -> s.after()[t], t -> s.by()[t]);
            double low = Math.max(s.runAfter(), within[0]);
            double high = Math.min(s.runBy(), within[1]);
            runs[i] = low <= high ? (low + high) / 2 : (s.runAfter() + s.runBy()) / 2.0;
        }
        Arrays.sort(runs);
        double margin = (runs[n - 1] - runs[0]) * RUN_MARGIN + RUN_MARGIN_MILLIS;
        return Optional.of(new RunModel(Math.round(Math.max(0, runs[0] - margin)), Math.round(runs[n - 1] + margin),
                share, spread, known));
    }

    /**
     * The bounds the steps a job showed put on its run, from when each was first reached ({@code after} and
     * {@code by} of each tenth, -1 when not seen): {@code [0, +inf]} when none is known.
     */
    double[] stepBounds(IntToLongFunction after, IntToLongFunction by) {
        double[] bounds = {0, Double.POSITIVE_INFINITY};
        for (int t = 1; t < FinishSample.TENTHS; t++) {
            if (known[t] && by.applyAsLong(t) >= 0) {
                bounds[0] = Math.max(bounds[0], after.applyAsLong(t) / shareHigh(t));
                bounds[1] = Math.min(bounds[1], by.applyAsLong(t) / shareLow(t));
            }
        }
        return bounds;
    }

    /**
     * Whether progress itself says when jobs finish: they commonly show 90% and more while running (linear or
     * stalling progress), so the progress-based schedule, which aims at the finish progress predicts, applies.
     */
    boolean progressPredictsFinish() {
        return known[FinishSample.TENTHS - 1];
    }

    double shareLow(int tenth) {
        return Math.max(0.001, share[tenth] - spread[tenth]);
    }

    double shareHigh(int tenth) {
        return share[tenth] + spread[tenth];
    }

    /**
     * The shares within the most samples' bounds (the first such stretch): where a step lies when every job shows it
     * at nearly the same share, however far apart each job's own polls were around it.
     */
    private static double[] mostAgreed(double[] lows, double[] highs) {
        int n = lows.length;
        double[][] edges = new double[2 * n][];
        for (int i = 0; i < n; i++) {
            edges[2 * i] = new double[] {lows[i], 1};
            edges[2 * i + 1] = new double[] {highs[i], -1};
        }
        // At one share, bounds that open count before those that close: a single point shared still agrees.
        Arrays.sort(edges, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
        int inside = 0;
        int best = -1;
        double[] agreed = {0, 0};
        for (int i = 0; i < edges.length; i++) {
            inside += (int) edges[i][1];
            if (inside > best && i + 1 < edges.length) {
                best = inside;
                agreed = new double[] {edges[i][0], edges[i + 1][0]};
            }
        }
        return agreed;
    }
}
