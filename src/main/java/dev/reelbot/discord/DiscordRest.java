package dev.reelbot.discord;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.Request;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The REST calls the bot makes with its own token, addressed by channel id and message id only, so they work for
 * any channel, at any time after the interaction, and after a restart.
 *
 * <p>Why not JDA's channel objects: with no gateway intents JDA caches no guild or channel, and the channel it
 * builds for an interaction is "detached" and refuses to send. So each call is compiled from JDA's public
 * {@link Route}s and run by JDA's own action class ({@code RestActionImpl}, internal to JDA): the same HTTP
 * client, base URL, auth header and error parsing as every other JDA call. This file is the one place that
 * depends on that internal class.
 *
 * <p>Threading: every method blocks the calling worker until Discord answered (bounded by the HTTP client's
 * timeouts). Calls run with {@code shouldQueue=false}: a 429 comes back at once as
 * {@link DiscordFailure.Kind#RATE_LIMITED} with Discord's retry-after for the engine to honour (it already paces
 * edits per message), instead of parking a worker thread in JDA's rate-limit queue for an unknown time.
 */
final class DiscordRest {
    private static final MediaType JSON = MediaType.get("application/json");

    private final JDA jda;

    DiscordRest(JDA jda) {
        this.jda = jda;
    }

    /** Posts a message; with {@code replyTo}, as a reply to that message (sent even if it was deleted). */
    String send(String channelId, MessageCreateData message, String replyTo) throws DiscordFailure {
        return send(channelId, message, replyTo, null);
    }

    /**
     * Posts a message carrying {@code nonce} with {@code enforce_nonce}: Discord answers a repeat of the same nonce
     * within a few minutes with the message it already created, so a retried post never makes a second one.
     */
    String send(String channelId, MessageCreateData message, String replyTo, String nonce) throws DiscordFailure {
        DataObject json = message.toData();
        if (nonce != null) {
            json.put("nonce", nonce).put("enforce_nonce", true);
        }
        if (replyTo != null) {
            json.put("message_reference", DataObject.empty().put("message_id", replyTo)
                    .put("fail_if_not_exists", false));
        }
        RequestBody body = message.getFiles().isEmpty() ? json(json)
                : AttachedFile.createMultipartBody(message.getFiles(), json).build();
        return call(Route.Messages.SEND_MESSAGE.compile(channelId), body, DiscordRest::id);
    }

    void edit(String channelId, String messageId, MessageEditData message) throws DiscordFailure {
        call(Route.Messages.EDIT_MESSAGE.compile(channelId, messageId), json(message.toData()), (r, q) -> null);
    }

    /** The DM channel with a user (Discord returns the existing one if there is one). */
    String openDm(String userId) throws DiscordFailure {
        DataObject body = DataObject.empty().put("recipient_id", userId);
        return call(Route.Self.CREATE_PRIVATE_CHANNEL.compile(), json(body), DiscordRest::id);
    }

    /** The boost tier (0 to 3) of the guild a channel belongs to; empty for a DM or when Discord does not say. */
    OptionalInt boostTierOfChannel(String channelId) throws DiscordFailure {
        Optional<String> guild = call(Route.Channels.GET_CHANNEL.compile(channelId), null,
                (r, q) -> Optional.ofNullable(r.getObject().getString("guild_id", null)));
        return guild.isEmpty() ? OptionalInt.empty() : boostTier(guild.get());
    }

    private OptionalInt boostTier(String guildId) throws DiscordFailure {
        return call(Route.Guilds.GET_GUILD.compile(guildId), null, (r, q) -> {
            DataObject guild = r.getObject();
            return guild.isNull("premium_tier") ? OptionalInt.empty() : OptionalInt.of(guild.getInt("premium_tier"));
        });
    }

    /** Replaces the application's commands in one guild (guild commands update at once, unlike global ones). */
    void putGuildCommands(String guildId, List<? extends CommandData> commands) throws DiscordFailure {
        DataArray array = DataArray.empty();
        commands.forEach(command -> array.add(command.toData()));
        Route.CompiledRoute route = Route.Interactions.UPDATE_GUILD_COMMANDS.compile(
                jda.getSelfUser().getApplicationId(), guildId);
        call(route, RequestBody.create(array.toJson(), JSON), (r, q) -> null);
    }

    private <T> T call(Route.CompiledRoute route, RequestBody body, BiFunction<Response, Request<T>, T> handler)
            throws DiscordFailure {
        try {
            return new RestActionImpl<>(jda, route, body, handler).complete(false);
        } catch (RateLimitedException | RuntimeException e) {
            throw DiscordFailure.of(e);
        }
    }

    private static RequestBody json(DataObject object) {
        return RequestBody.create(object.toJson(), JSON);
    }

    private static <T> String id(Response response, Request<T> request) {
        return response.getObject().getString("id");
    }
}
