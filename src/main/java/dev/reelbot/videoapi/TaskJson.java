package dev.reelbot.videoapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.text.PlainText;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a job object leniently, accepting every variant video-api.md lists: {@code id} or {@code task_id}; status
 * words in any case; progress as a fraction, an integer or {@code "NN%"}; timestamps in seconds or milliseconds;
 * both error shapes; the video at {@code metadata.url}, {@code url} or {@code video_url}. Unknown fields are ignored.
 */
final class TaskJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MILLIS_THRESHOLD = 1e12;
    private static final int MAX_FIELD_CHARS = 200;

    private TaskJson() {
    }

    /**
     * Parses a job object.
     *
     * @param body       the response body
     * @param fallbackId the id to use when the body carries none (a GET for a known id), or {@code null}
     * @return the status, or empty when the body is not a job object
     */
    static Optional<TaskStatus> parse(String body, String fallbackId) {
        return parse(body, fallbackId, StatusWords.BUILT_IN);
    }

    /** Like {@link #parse(String, String)}, reading status words with {@code words}. */
    static Optional<TaskStatus> parse(String body, String fallbackId, StatusWords words) {
        JsonNode root = readQuietly(body);
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode job = unwrap(root);
        String id = firstText(job, "id", "task_id");
        if (id.isEmpty()) {
            id = fallbackId == null ? "" : fallbackId;
        }
        if (id.isEmpty() || !(job.has("status") || job.has("progress") || job.has("object"))) {
            return Optional.empty();
        }
        String rawStatus = text(job.get("status"));
        TaskPhase phase = words.phaseOf(rawStatus.isEmpty() ? null : rawStatus);
        JsonNode error = job.get("error");
        String errorMessage = errorText(error, "message");
        if (errorMessage.isEmpty()) {
            errorMessage = text(job.get("fail_reason"));
        }
        return Optional.of(new TaskStatus(
                PlainText.oneLine(id, MAX_FIELD_CHARS),
                phase,
                PlainText.oneLine(rawStatus, 40),
                Progress.percent(job.get("progress")).orElse(null),
                instant(job.get("created_at")),
                instant(job.get("expires_at")),
                videoUrl(job),
                nullIfEmpty(PlainText.oneLine(text(job.get("size")), 40)),
                nullIfEmpty(PlainText.oneLine(text(job.get("seconds")), 20)),
                nullIfEmpty(PlainText.oneLine(errorMessage, ErrorBody.MAX_MESSAGE_CHARS)),
                nullIfEmpty(PlainText.oneLine(errorText(error, "code"), 80))));
    }

    /** Some gateways wrap the job as {@code {"code": "success", "data": {...}}}. */
    private static JsonNode unwrap(JsonNode root) {
        JsonNode data = root.get("data");
        boolean bare = root.has("status") || root.has("id") || root.has("task_id");
        return !bare && data != null && data.isObject() ? data : root;
    }

    private static String videoUrl(JsonNode job) {
        JsonNode metadata = job.get("metadata");
        if (metadata != null && metadata.isTextual()) {
            metadata = readQuietly(metadata.asText());
        }
        String url = metadata == null ? "" : text(metadata.get("url"));
        if (url.isEmpty()) {
            url = firstText(job, "url", "video_url");
        }
        String trimmed = url.strip();
        return trimmed.startsWith("https://") || trimmed.startsWith("http://") ? trimmed : null;
    }

    private static String errorText(JsonNode error, String field) {
        if (error == null || error.isNull()) {
            return "";
        }
        if (error.isTextual()) {
            return "message".equals(field) ? error.asText() : "";
        }
        return text(error.get(field));
    }

    /** Unix seconds, or milliseconds when the value is too large to be seconds; zero and garbage mean absent. */
    static Instant instant(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException garbage) {
                return null;
            }
        } else {
            return null;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            return null;
        }
        long millis = value > MILLIS_THRESHOLD ? (long) value : (long) (value * 1000);
        return Instant.ofEpochMilli(millis);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node.get(field));
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    /** A scalar's text; empty for a missing, null, object or array node. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The JSON tree, or {@code null} when the text is not JSON. */
    static JsonNode readQuietly(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception notJson) {
            return null;
        }
    }
}
