package dev.reelbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The views part of {@link FakeSlack}: {@code views.open}, {@code views.update} and {@code views.publish}, answering
 * as Slack does (the view back with its id, hash and empty state; {@code hash_conflict} on a stale hash; a trigger
 * used once) and refusing, with Slack's {@code invalid_arguments} and its messages, a view Slack would refuse: the
 * documented Block Kit limits (title and button texts, block count and ids, option counts and lengths, an
 * {@code initial_option} that is not one of the options, metadata size).
 */
final class FakeSlackViews {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUT_ELEMENTS = Set.of("plain_text_input", "static_select",
            "conversations_select", "file_input", "number_input");

    private final Map<String, ObjectNode> views = new ConcurrentHashMap<>();
    private final Map<String, String> homes = new ConcurrentHashMap<>();
    private final Set<String> usedTriggers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();

    /** Answers a views method into {@code answer}; returns the error Slack would give instead, or null. */
    String answer(String method, Map<String, String> form, ObjectNode answer) {
        JsonNode view = read(form.get("view"));
        if (view == null) {
            return "invalid_arguments";
        }
        List<String> problems = problems(view);
        if (!problems.isEmpty()) {
            answer.putObject("response_metadata").set("messages", JSON.valueToTree(problems.stream()
                    .map(p -> "[ERROR] " + p).toList()));
            return "invalid_arguments";
        }
        switch (method) {
            case "views.open" -> {
                String trigger = form.get("trigger_id");
                if (trigger == null || trigger.isBlank()) {
                    return "invalid_trigger_id";
                }
                if (!usedTriggers.add(trigger)) {
                    return "exchanged_trigger_id";
                }
                answer.set("view", store("V" + ids.incrementAndGet(), view));
            }
            case "views.update" -> {
                ObjectNode current = views.get(String.valueOf(form.get("view_id")));
                if (current == null) {
                    return "not_found";
                }
                String hash = form.get("hash");
                if (hash != null && !hash.equals(current.path("hash").asText())) {
                    return "hash_conflict";
                }
                answer.set("view", store(current.path("id").asText(), view));
            }
            case "views.publish" -> {
                if (!"home".equals(view.path("type").asText()) || form.get("user_id") == null) {
                    return "invalid_arguments";
                }
                homes.put(form.get("user_id"), view.toString());
                answer.set("view", stored("VH" + ids.incrementAndGet(), view));
            }
            default -> throw new IllegalArgumentException(method);
        }
        return null;
    }

    ObjectNode view(String id) {
        return views.get(id);
    }

    /** The last view opened or updated. */
    ObjectNode lastView() {
        return views.values().stream().max((a, b) -> Integer.compare(a.path("seq").asInt(), b.path("seq").asInt()))
                .orElseThrow(() -> new AssertionError("no view was opened"));
    }

    int viewCount() {
        return views.size();
    }

    /** A user's published home, as JSON, or null. */
    String home(String user) {
        return homes.get(user);
    }

    private ObjectNode store(String id, JsonNode view) {
        ObjectNode stored = stored(id, view);
        stored.put("seq", ids.incrementAndGet());
        views.put(id, stored);
        return stored;
    }

    private ObjectNode stored(String id, JsonNode view) {
        ObjectNode stored = view.deepCopy();
        stored.put("id", id).put("team_id", FakeSlack.TEAM).put("hash", "h" + ids.incrementAndGet())
                .put("app_id", "A1").put("bot_id", "B1").put("root_view_id", id).put("clear_on_close", false)
                .put("notify_on_close", false).putObject("state").putObject("values");
        if (!stored.has("private_metadata")) {
            stored.put("private_metadata", "");
        }
        return stored;
    }

    /** What Slack would refuse in a view, in its own words. */
    static List<String> problems(JsonNode view) {
        List<String> problems = new ArrayList<>();
        String type = view.path("type").asText();
        if (!Set.of("modal", "home").contains(type)) {
            problems.add("invalid view type: " + type);
        }
        JsonNode blocks = view.path("blocks");
        if (blocks.size() > 100) {
            problems.add("no more than 100 items allowed [json-pointer:/view/blocks]");
        }
        if (type.equals("modal")) {
            text(view.path("title"), 24, "/view/title", problems, true);
            boolean hasInput = false;
            for (JsonNode block : blocks) {
                hasInput |= block.path("type").asText().equals("input");
            }
            if (hasInput && !view.has("submit")) {
                problems.add("submit is required when an input block is present [json-pointer:/view/submit]");
            }
            text(view.path("submit"), 24, "/view/submit", problems, false);
            text(view.path("close"), 24, "/view/close", problems, false);
        }
        if (view.path("private_metadata").asText().length() > 3000) {
            problems.add("must be less than 3001 characters [json-pointer:/view/private_metadata]");
        }
        Set<String> blockIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String at = "/view/blocks/" + i;
            if (block.has("block_id") && !blockIds.add(block.path("block_id").asText())) {
                problems.add("duplicate block_id [json-pointer:" + at + "/block_id]");
            }
            switch (block.path("type").asText()) {
                case "input" -> input(block, at, problems);
                case "header" -> text(block.path("text"), 150, at + "/text", problems, true);
                case "section" -> {
                    if (!block.has("text") && !block.has("fields")) {
                        problems.add("section needs text or fields [json-pointer:" + at + "]");
                    }
                    if (block.path("text").path("text").asText().length() > 3000) {
                        problems.add("must be less than 3001 characters [json-pointer:" + at + "/text/text]");
                    }
                }
                case "context", "divider", "actions", "image" -> {
                }
                default -> problems.add("unsupported type: " + block.path("type") + " [json-pointer:" + at + "]");
            }
        }
        return problems;
    }

    private static void input(JsonNode block, String at, List<String> problems) {
        text(block.path("label"), 2000, at + "/label", problems, true);
        JsonNode element = block.path("element");
        String type = element.path("type").asText();
        if (!INPUT_ELEMENTS.contains(type)) {
            problems.add("unsupported input element: " + type + " [json-pointer:" + at + "/element]");
        }
        if (type.equals("static_select")) {
            JsonNode options = element.path("options");
            if (options.isEmpty() || options.size() > 100) {
                problems.add("must provide 1 to 100 options [json-pointer:" + at + "/element/options]");
            }
            for (JsonNode option : options) {
                text(option.path("text"), 75, at + "/element/options", problems, true);
                if (option.has("description")) {
                    text(option.path("description"), 75, at + "/element/options", problems, true);
                }
            }
            if (element.has("initial_option") && !contains(options, element.path("initial_option"))) {
                problems.add("initial_option must match one of the options [json-pointer:" + at
                        + "/element/initial_option]");
            }
        }
        if (type.equals("plain_text_input") && element.path("max_length").asInt(0) > 3000) {
            problems.add("max_length must be at most 3000 [json-pointer:" + at + "/element/max_length]");
        }
        if (type.equals("file_input") && (element.path("max_files").asInt(10) < 1
                || element.path("max_files").asInt(10) > 10)) {
            problems.add("max_files must be 1 to 10 [json-pointer:" + at + "/element/max_files]");
        }
    }

    private static boolean contains(JsonNode options, JsonNode wanted) {
        for (JsonNode option : options) {
            if (option.path("value").equals(wanted.path("value")) && option.path("text").path("text")
                    .equals(wanted.path("text").path("text"))) {
                return true;
            }
        }
        return false;
    }

    private static void text(JsonNode text, int max, String at, List<String> problems, boolean required) {
        if (text.isMissingNode()) {
            if (required) {
                problems.add("missing required field [json-pointer:" + at + "]");
            }
            return;
        }
        String value = text.path("text").asText();
        if (!"plain_text".equals(text.path("type").asText())) {
            problems.add("must be plain_text [json-pointer:" + at + "/type]");
        }
        if (value.isEmpty() || value.length() > max) {
            problems.add("must be 1 to " + max + " characters [json-pointer:" + at + "/text]");
        }
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
