package dev.reelbot.simulator;

import java.util.SplittableRandom;

/**
 * One job's progress while it runs, by the share of its running time gone: the shape, and for a stalling job
 * where it stalls and for how much of the run.
 *
 * @param shape      how progress moves
 * @param stallAt    where a stalling job sits (90..99); unused by the other shapes
 * @param stallShare the share of the running time a stalling job sits there; unused by the other shapes
 */
record ProgressCurve(ProgressShape shape, int stallAt, double stallShare) {

    static final ProgressCurve LINEAR = new ProgressCurve(ProgressShape.LINEAR, 0, 0);

    /** A new job's curve: a stalling one sits at 90..99 for 10% to 50% of its run. */
    static ProgressCurve draw(ProgressShape shape, SplittableRandom random) {
        return shape == ProgressShape.STALL
                ? new ProgressCurve(shape, 90 + random.nextInt(10), 0.1 + 0.4 * random.nextDouble())
                : new ProgressCurve(shape, 0, 0);
    }

    /**
     * The progress (0..99) once {@code running} (0..1) of the running time has gone; {@code inTens} rounds linear
     * progress down to tens, as Kling models report it.
     */
    int percentAt(double running, boolean inTens) {
        return switch (shape) {
            case COARSE -> running < 1 / 3.0 ? 10 : running < 2 / 3.0 ? 20 : 30;
            case STALL -> (int) Math.min(stallAt, Math.floor(running / (1 - stallShare) * stallAt));
            case LINEAR -> {
                int percent = (int) Math.min(99, Math.floor(running * 100));
                yield inTens ? percent / 10 * 10 : percent;
            }
        };
    }
}
