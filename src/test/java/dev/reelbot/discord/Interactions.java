package dev.reelbot.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code INTERACTION_CREATE} payloads as Discord sends them to a guild-installed bot: a slash command (typed
 * options, an attachment in {@code resolved}) or a button click, with the member's roles, the
 * {@code authorizing_integration_owners} JDA requires, and an id that is a snowflake of the given instant (JDA
 * derives the 15-minute token expiry from it).
 */
final class Interactions {
    static final String GUILD = "333333333333333333";
    static final String CHANNEL = "444444444444444444";
    static final String ADMIN_CHANNEL = "555555555555555555";
    static final String ALICE = "666666666666666661";
    static final String BOB = "666666666666666662";
    static final String ADA = "666666666666666663";
    static final String ADMIN_ROLE = "777777777777777777";
    private static final long DISCORD_EPOCH = 1420070400000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Interactions() {
    }

    static String snowflake(Instant at, int increment) {
        return Long.toUnsignedString(((at.toEpochMilli() - DISCORD_EPOCH) << 22) | (increment & 0xFFF));
    }

    /** A typed option: a string, a whole number or an attachment ({@link #attachment}). */
    record Option(String name, int type, Object value) {
        static Option string(String name, String value) {
            return new Option(name, 3, value);
        }

        static Option integer(String name, long value) {
            return new Option(name, 4, value);
        }
    }

    static ObjectNode slash(Instant at, String user, List<String> roles, String command, String subcommand,
                            List<Option> options) {
        ObjectNode interaction = base(at, 2, user, roles, CHANNEL);
        ObjectNode data = interaction.putObject("data").put("id", snowflake(at, 1)).put("name", command)
                .put("type", 1).put("guild_id", GUILD);
        ArrayNode list = data.putArray("options");
        if (subcommand != null) {
            list = list.addObject().put("name", subcommand).put("type", 1).putArray("options");
        }
        for (Option option : options) {
            ObjectNode node = list.addObject().put("name", option.name()).put("type", option.type());
            if (option.value() instanceof Long number) {
                node.put("value", number);
            } else if (option.value() instanceof Map<?, ?> attachment) {
                String id = String.valueOf(attachment.get("id"));
                node.put("value", id);
                child(child(data, "resolved"), "attachments").set(id, JSON.valueToTree(attachment));
            } else {
                node.put("value", String.valueOf(option.value()));
            }
        }
        return interaction;
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }

    /** An uploaded file option, as Discord resolves it. */
    static Option attachment(String name, String filename, String contentType) {
        String id = snowflake(Instant.now(), SEQUENCE.incrementAndGet());
        return new Option(name, 11, Map.of("id", id, "filename", filename, "size", 12_345,
                "content_type", contentType, "url", "https://cdn.discordapp.com/attachments/1/" + id + "/" + filename,
                "proxy_url", "https://media.discordapp.net/attachments/1/" + id + "/" + filename,
                "width", 640, "height", 480));
    }

    static ObjectNode button(Instant at, String user, List<String> roles, String channel, String customId,
                             String messageId) {
        ObjectNode interaction = base(at, 3, user, roles, channel);
        interaction.putObject("data").put("custom_id", customId).put("component_type", 2);
        // Only id and flags: JDA then builds no message entity, which is all a click needs.
        interaction.putObject("message").put("id", messageId).put("flags", 0);
        return interaction;
    }

    /** The same interaction from a client in {@code locale} (Discord's tag: {@code zh-CN}, {@code es-ES}). */
    static ObjectNode inLocale(ObjectNode interaction, String locale) {
        return interaction.put("locale", locale);
    }

    /**
     * A submitted form (type 5): each label (18) holds its text input (4) with the value typed, and a form opened
     * from a button on a message carries that message, as Discord sends it.
     */
    static ObjectNode modalSubmit(Instant at, String user, String customId, String inputId, String value,
                                  ObjectNode fromMessage) {
        ObjectNode interaction = base(at, 5, user, List.of(), CHANNEL);
        ObjectNode data = interaction.putObject("data").put("custom_id", customId);
        data.putArray("components").addObject().put("type", 18).put("id", 1).putObject("component")
                .put("type", 4).put("id", 2).put("custom_id", inputId).put("value", value);
        if (fromMessage != null) {
            interaction.set("message", fromMessage);
        }
        return interaction;
    }

    /**
     * A message command (type 2, command type 3) on {@code target}: Discord resolves the whole message, its
     * attachments included, whatever the bot's intents.
     */
    static ObjectNode messageCommand(Instant at, String user, String name, ObjectNode target) {
        ObjectNode interaction = base(at, 2, user, List.of(), CHANNEL);
        ObjectNode data = interaction.putObject("data").put("id", snowflake(at, 2)).put("name", name)
                .put("type", 3).put("guild_id", GUILD).put("target_id", target.get("id").asText());
        data.putObject("resolved").putObject("messages").set(target.get("id").asText(), target);
        return interaction;
    }

    /** A message by another user in the channel, with {@code attachments} (see {@link #file}). */
    static ObjectNode userMessage(String author, List<Map<String, Object>> attachments) {
        ObjectNode message = FakeDiscord.message(snowflake(Instant.now(), SEQUENCE.incrementAndGet()), CHANNEL,
                JSON.createObjectNode().put("content", "look at this"));
        message.putObject("author").put("id", author).put("username", "user").put("discriminator", "0")
                .putNull("avatar");
        ArrayNode files = message.putArray("attachments");
        attachments.forEach(a -> files.add(JSON.valueToTree(a)));
        return message;
    }

    /** A file attached to a message, as Discord describes it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> file(String filename, String contentType) {
        return (Map<String, Object>) attachment("file", filename, contentType).value();
    }

    /** Typing in {@code /video}'s {@code option} (type 4): the option is focused, the value what was typed. */
    static ObjectNode autocomplete(Instant at, String user, String option, String typed) {
        ObjectNode interaction = base(at, 4, user, List.of(), CHANNEL);
        ObjectNode data = interaction.putObject("data").put("id", snowflake(at, 3))
                .put("name", DiscordCommands.VIDEO).put("type", 1).put("guild_id", GUILD);
        data.putArray("options").addObject().put("name", option).put("type", 3).put("value", typed)
                .put("focused", true);
        return interaction;
    }

    private static ObjectNode base(Instant at, int type, String user, List<String> roles, String channel) {
        String id = snowflake(at, SEQUENCE.incrementAndGet());
        ObjectNode interaction = JSON.createObjectNode().put("id", id).put("application_id", FakeDiscord.APP_ID)
                .put("type", type).put("token", "token-" + id).put("version", 1).put("guild_id", GUILD)
                .put("channel_id", channel).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", "117760").put("context", 0)
                .put("attachment_size_limit", UploadLimits.MIB * 10);
        interaction.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
        interaction.putObject("channel").put("id", channel).put("type", 0).put("guild_id", GUILD)
                .put("name", "general").put("permissions", "117760").put("position", 0).put("flags", 0)
                .put("nsfw", false).putNull("parent_id").putNull("topic").put("rate_limit_per_user", 0)
                .putNull("last_message_id").putArray("permission_overwrites");
        ObjectNode member = interaction.putObject("member").put("joined_at", "2025-01-01T00:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false)
                .put("permissions", "117760").putNull("nick").putNull("avatar");
        member.putObject("user").put("id", user).put("username", "user" + user.substring(user.length() - 2))
                .put("discriminator", "0").put("global_name", "User " + user.substring(user.length() - 2))
                .putNull("avatar");
        ArrayNode roleIds = member.putArray("roles");
        roles.forEach(roleIds::add);
        interaction.putArray("entitlements");
        interaction.putObject("authorizing_integration_owners").put("0", GUILD);
        return interaction;
    }
}
