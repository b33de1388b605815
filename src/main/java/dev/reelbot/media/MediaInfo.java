package dev.reelbot.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;

/**
 * What ffprobe says about a video file: its length, its first video stream and whether it has sound.
 *
 * @param duration   its length
 * @param width      the video's width in pixels
 * @param height     its height
 * @param fps        frames per second (30 when ffprobe does not say)
 * @param videoCodec e.g. {@code h264}
 * @param audio      whether it has an audio stream
 */
record MediaInfo(Duration duration, int width, int height, double fps, String videoCodec, boolean audio) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The arguments after the program that make ffprobe print what {@link #parse} reads. */
    static final String[] PROBE_ARGS = {"-v", "error", "-print_format", "json", "-show_format", "-show_streams"};

    String size() {
        return width + "x" + height;
    }

    /** Reads ffprobe's JSON; throws when it holds no video stream or no length. */
    static MediaInfo parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode video = null;
        boolean audio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            if (type.equals("video") && video == null && !stream.path("disposition").path("attached_pic")
                    .asBoolean(false)) {
                video = stream;
            }
            audio |= type.equals("audio");
        }
        if (video == null) {
            throw new IOException("the file has no video stream");
        }
        double seconds = root.path("format").path("duration").asDouble(video.path("duration").asDouble(0));
        if (!(seconds > 0)) {
            throw new IOException("the video's length is unknown");
        }
        int width = video.path("width").asInt(0);
        int height = video.path("height").asInt(0);
        if (width <= 0 || height <= 0) {
            throw new IOException("the video's size is unknown");
        }
        return new MediaInfo(Duration.ofMillis(Math.round(seconds * 1000)), width, height,
                rate(video.path("avg_frame_rate").asText(""), rate(video.path("r_frame_rate").asText(""), 30)),
                video.path("codec_name").asText("unknown"), audio);
    }

    /** "30000/1001" or "24" as a number; {@code fallback} when absent or zero. */
    private static double rate(String text, double fallback) {
        try {
            String[] parts = text.split("/");
            double value = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                    : Double.parseDouble(text);
            return Double.isFinite(value) && value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
