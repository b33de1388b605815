package dev.reelbot.core.command;

import dev.reelbot.core.ModelSpec;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An aspect ratio like {@code 16:9}, and the size a model offers that matches it. */
record AspectRatio(int width, int height) {
    private static final Pattern RATIO = Pattern.compile("(\\d{1,3})\\s*[:x/]\\s*(\\d{1,3})");
    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");
    /** How far a size's ratio may be from the asked one and still count as that ratio. */
    private static final double TOLERANCE = 0.03;

    static Optional<AspectRatio> parse(String text) {
        Matcher m = RATIO.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        return w > 0 && h > 0 ? Optional.of(new AspectRatio(w, h)) : Optional.empty();
    }

    double value() {
        return (double) width / height;
    }

    /** The first of the model's sizes whose ratio is closest to this one, if any is within tolerance. */
    Optional<String> sizeFor(ModelSpec model) {
        String best = null;
        double bestError = Double.MAX_VALUE;
        for (String size : model.sizes()) {
            Matcher m = SIZE.matcher(size);
            if (!m.matches()) {
                continue;
            }
            double ratio = Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
            double error = Math.abs(ratio - value()) / value();
            if (error < bestError - 1e-9) {
                best = size;
                bestError = error;
            }
        }
        return bestError <= TOLERANCE ? Optional.ofNullable(best) : Optional.empty();
    }

    /** The ratio of a {@code WxH} size in lowest terms, e.g. 1280x720 is 16:9. */
    static String of(String size) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            return size;
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        int g = gcd(w, h);
        return (w / g) + ":" + (h / g);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }
}
