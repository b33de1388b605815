package dev.reelbot.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system's ffmpeg and ffprobe, as found at start-up: at {@code delivery.ffmpeg} when set, else on the
 * {@code PATH}; ffprobe beside ffmpeg, else on the {@code PATH}. Found only when both run and ffmpeg can encode
 * H.264 (libx264) and AAC.
 *
 * @param ffmpeg  the ffmpeg program
 * @param ffprobe the ffprobe program
 * @param version ffmpeg's version, e.g. {@code 5.1.9-0+deb12u1}
 */
public record Ffmpeg(Path ffmpeg, Path ffprobe, String version) {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern VERSION = Pattern.compile("ffmpeg version (\\S+)");

    /** What looking for ffmpeg found: the programs, or why there are none (one sentence for operators). */
    public record Detection(Ffmpeg found, String problem) {
        public boolean isFound() {
            return found != null;
        }
    }

    /** "ffmpeg 5.1.9 (/usr/bin/ffmpeg)". */
    public String describe() {
        return "ffmpeg " + version + " (" + ffmpeg + ")";
    }

    /**
     * Looks for ffmpeg and checks it can do what delivery needs.
     *
     * @param configured {@code delivery.ffmpeg}: a path to the program, or blank to search {@code searchPath}
     * @param searchPath the {@code PATH} to search
     */
    public static Detection detect(String configured, String searchPath) {
        Path ffmpeg;
        Path ffprobe;
        if (configured != null && !configured.isBlank()) {
            Path given;
            try {
                given = Path.of(configured.strip());
            } catch (InvalidPathException e) {
                return missing("delivery.ffmpeg '" + configured + "' is not a path");
            }
            if (!Files.isExecutable(given)) {
                return missing("delivery.ffmpeg points to " + given + ", which is not an executable program");
            }
            ffmpeg = given;
            Path sibling = given.resolveSibling(given.getFileName().toString().replace("ffmpeg", "ffprobe"));
            ffprobe = Files.isExecutable(sibling) && !sibling.equals(given) ? sibling : onPath("ffprobe", searchPath);
        } else {
            ffmpeg = onPath("ffmpeg", searchPath);
            if (ffmpeg == null) {
                return missing("ffmpeg is not installed (not found on the PATH); install it (Debian: apt-get install "
                        + "ffmpeg) or set delivery.ffmpeg");
            }
            ffprobe = onPath("ffprobe", searchPath);
        }
        if (ffprobe == null) {
            return missing("ffprobe (part of ffmpeg) was not found beside " + ffmpeg + " or on the PATH");
        }
        return check(ffmpeg, ffprobe);
    }

    private static Detection check(Path ffmpeg, Path ffprobe) {
        try {
            Processes.Finished version = Processes.run(List.of(ffmpeg.toString(), "-hide_banner", "-version"),
                    CHECK_TIMEOUT);
            Matcher m = VERSION.matcher(version.output());
            if (version.exit() != 0 || !m.find()) {
                return missing(ffmpeg + " -version failed: " + version.tail());
            }
            Processes.Finished encoders = Processes.run(List.of(ffmpeg.toString(), "-hide_banner", "-encoders"),
                    CHECK_TIMEOUT);
            if (!encoders.output().contains(" libx264 ") || !encoders.output().contains(" aac ")) {
                return missing(ffmpeg + " cannot encode H.264 (libx264) and AAC; install a full ffmpeg build");
            }
            Processes.Finished probe = Processes.run(List.of(ffprobe.toString(), "-hide_banner", "-version"),
                    CHECK_TIMEOUT);
            if (probe.exit() != 0) {
                return missing(ffprobe + " -version failed: " + probe.tail());
            }
            return new Detection(new Ffmpeg(ffmpeg, ffprobe, m.group(1)), null);
        } catch (IOException | TimeoutException e) {
            return missing("ffmpeg at " + ffmpeg + " could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return missing("interrupted while checking ffmpeg");
        }
    }

    private static Path onPath(String program, String searchPath) {
        if (searchPath == null) {
            return null;
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            } catch (InvalidPathException ignored) {
                // A PATH entry that is not a path holds no program: the search goes on with the next.
            }
        }
        return null;
    }

    private static Detection missing(String why) {
        return new Detection(null, why);
    }
}
