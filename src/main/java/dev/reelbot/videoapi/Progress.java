package dev.reelbot.videoapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads a progress value in any of the three forms gateways send: a fraction {@code 0.3} (the seed document), an
 * integer {@code 30} (real gateways), or a string {@code "30%"}. A JSON integer is always a percentage, a JSON
 * decimal up to 1.0 is a fraction; the result is clamped to 0..100. A value that is not a finite number ({@code 1e309},
 * {@code NaN}, {@code Infinity}) says nothing about progress and is ignored, never shown as 100%.
 */
final class Progress {
    private Progress() {
    }

    static Optional<Integer> percent(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber() && !Double.isFinite(node.asDouble())) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            return Optional.of(clamp(node.asDouble()));
        }
        if (node.isNumber()) {
            return Optional.of(fromDecimal(node.asDouble()));
        }
        if (node.isTextual()) {
            return parse(node.asText());
        }
        return Optional.empty();
    }

    private static Optional<Integer> parse(String raw) {
        String text = raw.strip();
        boolean percentSign = text.endsWith("%");
        if (percentSign) {
            text = text.substring(0, text.length() - 1).strip();
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException garbage) {
            return Optional.empty();
        }
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        if (percentSign || !text.contains(".")) {
            return Optional.of(clamp(value));
        }
        return Optional.of(fromDecimal(value));
    }

    private static int fromDecimal(double value) {
        return value <= 1.0 ? clamp(value * 100) : clamp(value);
    }

    private static int clamp(double percent) {
        return (int) Math.max(0, Math.min(100, Math.floor(percent + 1e-9)));
    }
}
