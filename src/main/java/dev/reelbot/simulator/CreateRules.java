package dev.reelbot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Validates a create request the way the gateway does, answering in whichever of its two error shapes the real
 * gateway uses for each mistake, and turns a valid one into a {@link SimJob}.
 */
final class CreateRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIZE = Pattern.compile("(\\d{2,4})x(\\d{2,4})");
    private static final List<String> SORA_SECONDS = List.of("4", "8", "12");
    private static final Set<String> SORA_SIZES = Set.of("720x1280", "1280x720");
    private static final Set<String> SORA_PRO_SIZES = Set.of("720x1280", "1280x720", "1024x1792", "1792x1024");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom IDS = new SecureRandom();

    /** What became of a create: a new job, or an error status and body. */
    sealed interface Outcome {
        record Accepted(SimJob job) implements Outcome {
        }

        record Refused(int status, String body) implements Outcome {
        }
    }

    private CreateRules() {
    }

    /** @param random draws this job's length and progress curve (see {@link Timing}) */
    static Outcome check(Map<String, String> form, boolean hasFilePart, Instant now, SimulatorOptions options,
                         SplittableRandom random) {
        String model = form.getOrDefault("model", "").strip();
        String prompt = form.getOrDefault("prompt", "").strip();
        if (model.isEmpty()) {
            return refuse(400, SimJson.openAiError("model is required", "invalid_request_error", "missing_model"));
        }
        String lower = model.toLowerCase(Locale.ROOT);
        boolean sora = lower.startsWith("sora");
        if (!sora && !lower.startsWith("kling") && !lower.startsWith("jimeng")) {
            return refuse(503, SimJson.openAiError("no channel is available for model " + model,
                    "new_api_error", "model_not_found"));
        }
        if (prompt.isEmpty()) {
            return refuse(400, SimJson.taskError("invalid_request", "prompt is required"));
        }
        Set<Behaviour> behaviours = Behaviour.fromPrompt(prompt);
        if (behaviours.contains(Behaviour.MODERATED)) {
            return refuse(400, SimJson.openAiError("Your request was rejected by the safety system. "
                    + "Please change the prompt and try again.", "invalid_request_error", "content_policy_violation"));
        }
        String seconds;
        String size = form.get("size");
        if (sora) {
            seconds = form.getOrDefault("seconds", "4").strip();
            if (!SORA_SECONDS.contains(seconds)) {
                return refuse(400, SimJson.taskError("invalid_seconds", "seconds must be one of 4, 8, 12"));
            }
            Set<String> sizes = lower.contains("pro") ? SORA_PRO_SIZES : SORA_SIZES;
            size = size == null ? "720x1280" : size.strip();
            if (!sizes.contains(size)) {
                return refuse(400, SimJson.taskError("invalid_size", "size must be one of " + sizes.stream().sorted()
                        .toList() + " for " + model));
            }
        } else {
            int duration = integerOrZero(form.getOrDefault("duration", "5"));
            if (duration != 5 && duration != 10) {
                return refuse(400, SimJson.taskError("invalid_request", "duration must be 5 or 10, got " + duration));
            }
            seconds = Integer.toString(duration);
            size = size == null ? "1280x720" : size.strip();
            var m = SIZE.matcher(size);
            if (!m.matches() || !inRange(m.group(1)) || !inRange(m.group(2))) {
                return refuse(400, SimJson.taskError("invalid_size", "size must be WxH with sides 256..2048"));
            }
        }
        String n = form.get("n");
        if (n != null && (integerOrZero(n) < 1 || integerOrZero(n) > 4)) {
            return refuse(400, SimJson.taskError("invalid_request", "n must be between 1 and 4"));
        }
        String metadata = form.get("metadata");
        if (metadata != null && !isJsonObject(metadata)) {
            return refuse(400, SimJson.taskError("invalid_request", "metadata must be a JSON object"));
        }
        if (sora && form.containsKey("input_reference") && !hasFilePart) {
            return refuse(400, SimJson.taskError("invalid_request", "input_reference must be a file"));
        }
        boolean slow = behaviours.contains(Behaviour.SLOW);
        Timing timing = options.timing();
        Duration nominal = slow ? options.slowDuration() : options.jobDuration();
        double stretch = 1 + timing.durationJitter() * (2 * random.nextDouble() - 1);
        return new Outcome.Accepted(new SimJob(newId(), model, prompt, behaviours, now,
                Duration.ofMillis(Math.round(nominal.toMillis() * stretch)), seconds, size,
                ProgressCurve.draw(timing.progress(), random)));
    }

    /** Like the gateway, a non-integer such as {@code 5.0} reads as 0. */
    private static int integerOrZero(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean inRange(String side) {
        int value = Integer.parseInt(side);
        return value >= 256 && value <= 2048;
    }

    private static boolean isJsonObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject();
        } catch (Exception notJson) {
            return false;
        }
    }

    private static Outcome refuse(int status, String body) {
        return new Outcome.Refused(status, body);
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("task_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(IDS.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
