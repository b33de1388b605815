package dev.reelbot.videoapi;

import static dev.reelbot.videoapi.TaskJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelbot.core.text.PlainText;

/**
 * The message and code of an error answer, read from either of the gateway's two shapes:
 * {@code {"error": {"message", "type", "code"}}} (OpenAI's) or {@code {"code", "message", "data"}} (task routes).
 * A body that is neither (an HTML page from a proxy, garbage) yields no message rather than its raw text.
 */
record ErrorBody(String message, String code) {
    static final int MAX_MESSAGE_CHARS = 300;

    /** Whether the body was one of the gateway's error objects: it said why, so the gateway itself answered. */
    boolean isGatewayError() {
        return !message.isEmpty() || !code.isEmpty();
    }

    static ErrorBody parse(String body) {
        JsonNode root = readTree(body);
        if (root == null || !root.isObject()) {
            return new ErrorBody("", "");
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return of(text(error.get("message")), text(error.get("code")), text(error.get("type")));
        }
        if (error != null && error.isTextual()) {
            return of(error.asText(), text(root.get("code")), "");
        }
        return of(text(root.get("message")), text(root.get("code")), "");
    }

    private static ErrorBody of(String message, String code, String type) {
        String safeCode = PlainText.oneLine(code.isEmpty() ? type : code, 80);
        return new ErrorBody(PlainText.oneLine(message, MAX_MESSAGE_CHARS), safeCode);
    }

    private static JsonNode readTree(String body) {
        return body == null || body.isBlank() ? null : TaskJson.readQuietly(body);
    }
}
