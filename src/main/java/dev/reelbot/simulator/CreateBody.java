package dev.reelbot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * A create request's fields, read as the gateway reads them: multipart or URL-encoded form fields, or a JSON object
 * (gateways take both); an {@code input_reference} file part is noted as such.
 *
 * @param fields   each field's first value
 * @param filePart whether the request carried an {@code input_reference} file
 * @param error    the gateway's 400 answer to a body it cannot read, else {@code null}
 */
record CreateBody(Map<String, String> fields, boolean filePart, String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body's fields, or the gateway's error for a body it cannot read. */
    static CreateBody read(Context ctx) {
        Map<String, String> form = new HashMap<>();
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("application/json")) {
            return readJson(ctx.body(), form) ? new CreateBody(form, false, null) : unreadable("the body is not a JSON "
                    + "object");
        }
        if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((key, values) -> {
                if (!values.isEmpty()) {
                    form.put(key, values.get(0));
                }
            });
            boolean file = type.startsWith("multipart/") && ctx.uploadedFile("input_reference") != null;
            if (file) {
                form.put("input_reference", "(file)");
            }
            return new CreateBody(form, file, null);
        }
        return unreadable("expected multipart/form-data");
    }

    private static CreateBody unreadable(String why) {
        return new CreateBody(Map.of(), false, SimJson.openAiError(why, "invalid_request_error", "invalid_request"));
    }

    private static boolean readJson(String body, Map<String, String> form) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                form.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
            return true;
        } catch (Exception notJson) {
            return false;
        }
    }
}
