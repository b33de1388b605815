package dev.reelbot.discord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Discord accepts as an interaction callback, as far as the bot's callbacks go: a modal (type 9) has an id of
 * 1 to 100 characters, a title of at most 45 and 1 to 5 labels (type 18) each holding a text input (type 4) with
 * an id and a value of at most 4000 characters; an autocomplete result (type 8) has at most 25 choices, each named
 * in 1 to 100 characters with a value. Anything else is refused as Discord does: 400, code 50035.
 */
final class CallbackRules {
    static final int MODAL = 9;
    static final int AUTOCOMPLETE = 8;

    private CallbackRules() {
    }

    /** Why Discord would refuse the callback, or {@code null}. */
    static String problem(JsonNode body) {
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        if (type == MODAL) {
            return modal(data);
        }
        if (type == AUTOCOMPLETE) {
            JsonNode choices = data.path("choices");
            if (!choices.isArray() || choices.size() > 25) {
                return "choices: must be 25 or fewer";
            }
            for (JsonNode choice : choices) {
                int name = choice.path("name").asText("").length();
                if (name < 1 || name > 100 || !choice.has("value")) {
                    return "choices: each needs a name of 1 to 100 characters and a value";
                }
            }
        }
        return null;
    }

    private static String modal(JsonNode data) {
        int id = data.path("custom_id").asText("").length();
        int title = data.path("title").asText("").length();
        JsonNode labels = data.path("components");
        if (id < 1 || id > 100 || title < 1 || title > 45 || !labels.isArray() || labels.isEmpty()
                || labels.size() > 5) {
            return "modal: custom_id 1-100, title 1-45, 1-5 components";
        }
        for (JsonNode label : labels) {
            JsonNode input = label.path("component");
            if (label.path("type").asInt() != 18 || label.path("label").asText("").length() > 45
                    || input.path("type").asInt() != 4 || input.path("custom_id").asText("").isEmpty()
                    || input.path("value").asText("").length() > 4000) {
                return "modal: each component must be a label (18) of at most 45 characters holding a text input (4)";
            }
        }
        return null;
    }
}
