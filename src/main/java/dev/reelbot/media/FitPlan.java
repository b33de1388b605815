package dev.reelbot.media;

import java.util.ArrayList;
import java.util.List;

/**
 * How to re-encode a video so that it fits a size: the bitrate the size leaves over the video's length (minus a
 * safety margin and the audio), at the largest resolution on a ladder where that bitrate still looks decent.
 * Pure: the numbers only, so they are tested without ffmpeg.
 *
 * @param width      the output width (even)
 * @param height     the output height (even)
 * @param fps        the output frame rate (the source's, at most 30)
 * @param videoKbps  the video bitrate
 * @param audioKbps  the audio bitrate, 0 for no audio
 */
record FitPlan(int width, int height, double fps, int videoKbps, int audioKbps) {
    /** The share of the limit kept free: encoders overshoot a little, and the container has its own bytes. */
    static final double MARGIN = 0.10;
    static final long CONTAINER_BYTES = 64 * 1024;
    /** Bits per pixel per frame below which H.264 at a fast preset starts to look blocky. */
    static final double DECENT_BPP = 0.045;
    /** Below this the video is unwatchable at any size worth sending. */
    static final int MIN_VIDEO_KBPS = 120;
    private static final int[] SHORT_SIDES = {1080, 720, 576, 480, 360, 240};
    private static final double MAX_FPS = 30;

    /** A plan that fits {@code limit} bytes, or {@code null} when no watchable plan does. */
    static FitPlan forLimit(MediaInfo source, long limit) {
        return forBudget(source, (long) (limit * (1 - MARGIN)) - CONTAINER_BYTES);
    }

    /**
     * A second try, after the first came out {@code made} bytes for a {@code limit}: the budget cut by how much it
     * missed, and a little more. {@code null} when that leaves nothing watchable.
     */
    FitPlan shrunk(MediaInfo source, long limit, long made) {
        long firstBudget = (long) (limit * (1 - MARGIN)) - CONTAINER_BYTES;
        double cut = Math.min(0.9, (double) limit / made * 0.9);
        return forBudget(source, (long) (firstBudget * cut));
    }

    private static FitPlan forBudget(MediaInfo source, long budgetBytes) {
        double seconds = source.duration().toMillis() / 1000.0;
        if (budgetBytes <= 0 || seconds <= 0) {
            return null;
        }
        long totalKbps = (long) (budgetBytes * 8 / seconds / 1000);
        int audio = !source.audio() ? 0 : totalKbps >= 1000 ? 96 : 64;
        long video = totalKbps - audio;
        if (video < MIN_VIDEO_KBPS) {
            return null;
        }
        double fps = Math.min(MAX_FPS, source.fps());
        int[] chosen = null;
        for (int[] candidate : ladder(source.width(), source.height())) {
            chosen = candidate;
            if (video * 1000.0 / (candidate[0] * (double) candidate[1] * fps) >= DECENT_BPP) {
                break;
            }
        }
        return new FitPlan(chosen[0], chosen[1], fps, (int) Math.min(Integer.MAX_VALUE, video), audio);
    }

    /** The source's own size, then each smaller rung of the ladder by the short side, aspect kept, sizes even. */
    static List<int[]> ladder(int width, int height) {
        List<int[]> sizes = new ArrayList<>();
        sizes.add(new int[] {even(width), even(height)});
        int shortSide = Math.min(width, height);
        for (int side : SHORT_SIDES) {
            if (side < shortSide) {
                double scale = (double) side / shortSide;
                sizes.add(new int[] {even(width * scale), even(height * scale)});
            }
        }
        return sizes;
    }

    private static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }

    /** The ffmpeg arguments between the input and the output file. */
    List<String> encoderArgs(MediaInfo source) {
        List<String> args = new ArrayList<>(List.of("-map", "0:v:0", "-map", "0:a:0?", "-c:v", "libx264",
                "-preset", "veryfast", "-pix_fmt", "yuv420p", "-b:v", videoKbps + "k", "-maxrate", videoKbps + "k",
                "-bufsize", 2L * videoKbps + "k"));
        String filters = "scale=" + width + ":" + height;
        if (fps < source.fps() - 0.01) {
            filters += ",fps=" + (int) fps;
        }
        args.addAll(List.of("-vf", filters));
        if (audioKbps > 0) {
            args.addAll(List.of("-c:a", "aac", "-b:a", audioKbps + "k", "-ac", "2"));
        } else {
            args.add("-an");
        }
        args.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
        return args;
    }
}
