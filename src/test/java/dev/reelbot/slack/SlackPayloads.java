package dev.reelbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Interaction payloads and events as Slack sends them (the shapes of Slack's docs and of Bolt's payload classes):
 * a form's submission with its {@code state.values} drawn from the view as the client would fill it (initial
 * options unless the user picked another), an action inside a view, the shortcuts, and {@code app_home_opened}.
 */
final class SlackPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayloads() {
    }

    /**
     * The submission of {@code view}. {@code entries} holds what the user did, by block id: a text typed, an
     * option's value picked (a value the block does not offer is sent as is, as a stale or forged client would), a
     * conversation picked, or a list of file objects uploaded. Other inputs keep their initial values.
     */
    static ObjectNode viewSubmission(JsonNode view, String user, Map<String, Object> entries) {
        ObjectNode payload = base("view_submission", user);
        payload.put("trigger_id", "trig-submit").putArray("response_urls");
        ObjectNode submitted = view.deepCopy();
        ObjectNode values = submitted.putObject("state").putObject("values");
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                JsonNode element = block.path("element");
                String blockId = block.path("block_id").asText();
                values.putObject(blockId).set(element.path("action_id").asText(), value(element,
                        entries.get(blockId)));
            }
        }
        payload.set("view", submitted);
        return payload;
    }

    private static ObjectNode value(JsonNode element, Object entry) {
        String type = element.path("type").asText();
        ObjectNode value = JSON.createObjectNode().put("type", type);
        switch (type) {
            case "static_select" -> {
                JsonNode chosen = element.path("initial_option");
                if (entry != null) {
                    chosen = JSON.createObjectNode().put("value", entry.toString()).set("text", JSON.createObjectNode()
                            .put("type", "plain_text").put("text", entry.toString()));
                    for (JsonNode option : element.path("options")) {
                        if (option.path("value").asText().equals(entry)) {
                            chosen = option;
                        }
                    }
                }
                value.set("selected_option", chosen.isMissingNode() ? null : chosen);
            }
            case "conversations_select" -> value.put("selected_conversation", (String) entry);
            case "file_input" -> {
                ArrayNode files = value.putArray("files");
                if (entry != null) {
                    ((List<?>) entry).forEach(f -> files.add((JsonNode) f));
                }
            }
            default -> value.put("value", entry == null ? element.path("initial_value").asText(null)
                    : entry.toString());
        }
        return value;
    }

    /** A select changed inside a view (its block dispatches actions). */
    static ObjectNode viewSelect(JsonNode view, String user, String blockId, String actionId, String value) {
        ObjectNode payload = viewAction(view, user);
        ObjectNode action = payload.putArray("actions").addObject().put("type", "static_select")
                .put("action_id", actionId).put("block_id", blockId).put("action_ts", "1700000002.000001");
        action.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text")
                .put("text", value);
        return payload;
    }

    /** A button pressed inside a view (a home tab's). */
    static ObjectNode viewButton(JsonNode view, String user, String actionId, String value) {
        ObjectNode payload = viewAction(view, user);
        payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "b1").put("value", value).put("action_ts", "1700000002.000001")
                .putObject("text").put("type", "plain_text").put("text", "button");
        return payload;
    }

    private static ObjectNode viewAction(JsonNode view, String user) {
        ObjectNode payload = base("block_actions", user);
        payload.put("trigger_id", "trig-action-" + System.nanoTime());
        payload.putObject("container").put("type", "view").put("view_id", view.path("id").asText());
        payload.set("view", view);
        return payload;
    }

    /** The global shortcut, from anywhere in Slack (no channel). */
    static ObjectNode shortcut(String callbackId, String user, String triggerId) {
        return base("shortcut", user).put("callback_id", callbackId).put("trigger_id", triggerId)
                .put("action_ts", "1700000003.000001");
    }

    /** A message shortcut on a message carrying {@code files}. */
    static ObjectNode messageAction(String callbackId, String user, String channel, List<ObjectNode> files,
                                    String triggerId, String responseUrl) {
        ObjectNode payload = base("message_action", user).put("callback_id", callbackId).put("trigger_id", triggerId)
                .put("action_ts", "1700000003.000001").put("message_ts", "1700000000.000900")
                .put("response_url", responseUrl);
        payload.putObject("channel").put("id", channel).put("name", "general");
        ObjectNode message = payload.putObject("message").put("type", "message").put("user", "U0BOB001")
                .put("ts", "1700000000.000900").put("text", "look at this");
        ArrayNode list = message.putArray("files");
        files.forEach(list::add);
        return payload;
    }

    /**
     * Adds to a message shortcut's message a link unfurl showing {@code imageUrl}, as Slack puts a link preview in
     * the message's {@code attachments}.
     */
    static ObjectNode withUnfurl(ObjectNode messageAction, String pageUrl, String imageUrl) {
        ObjectNode message = (ObjectNode) messageAction.get("message");
        ArrayNode attachments = message.has("attachments") ? (ArrayNode) message.get("attachments")
                : message.putArray("attachments");
        attachments.addObject().put("id", attachments.size() + 1).put("from_url", pageUrl)
                .put("original_url", pageUrl).put("service_name", "example.com").put("title", "A cat")
                .put("title_link", pageUrl).put("fallback", "example.com: A cat").put("image_url", imageUrl)
                .put("image_width", 800).put("image_height", 600).put("image_bytes", 51234);
        return messageAction;
    }

    /** Adds an image block to a message shortcut's message: a link, or a Slack file when {@code fileId} is set. */
    static ObjectNode withImageBlock(ObjectNode messageAction, String imageUrl, String fileId) {
        ObjectNode message = (ObjectNode) messageAction.get("message");
        ArrayNode blocks = message.has("blocks") ? (ArrayNode) message.get("blocks") : message.putArray("blocks");
        ObjectNode block = blocks.addObject().put("type", "image").put("block_id", "img" + blocks.size())
                .put("alt_text", "a cat");
        if (fileId != null) {
            block.putObject("slack_file").put("id", fileId);
        } else {
            block.put("image_url", imageUrl).put("image_width", 800).put("image_height", 600);
        }
        return messageAction;
    }

    /** The Events API envelope of {@code app_home_opened}. */
    static ObjectNode homeOpened(String user) {
        ObjectNode payload = JSON.createObjectNode().put("token", "legacy").put("team_id", FakeSlack.TEAM)
                .put("api_app_id", "A1").put("type", "event_callback").put("event_id", "Ev" + System.nanoTime())
                .put("event_time", 1700000000);
        payload.putObject("event").put("type", "app_home_opened").put("user", user).put("channel", "D" + user)
                .put("tab", "home").put("event_ts", "1700000000.000001");
        return payload;
    }

    private static ObjectNode base(String type, String user) {
        ObjectNode payload = JSON.createObjectNode().put("type", type).put("api_app_id", "A1").put("token", "legacy")
                .put("is_enterprise_install", false);
        payload.putObject("team").put("id", FakeSlack.TEAM).put("domain", "test");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("name", user.toLowerCase())
                .put("team_id", FakeSlack.TEAM);
        return payload;
    }
}
