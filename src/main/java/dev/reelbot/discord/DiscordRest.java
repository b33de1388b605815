package dev.reelbot.discord;

import dev.reelbot.core.Secret;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import net.dv8tion.jda.api.exceptions.ParsingException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The REST calls the bot makes with its own token, addressed by channel id and message id only, over plain HTTP:
 * so every instance can make them, whether or not it holds a gateway session, for any channel, at any time after
 * the interaction, and after a restart. JDA is used for what it models well (its public {@link Route}s, message
 * serialisation, multipart bodies, {@link DataObject}), not for sending: its requester needs a logged-in session.
 *
 * <p>Threading: thread-safe; every method blocks the calling worker until Discord answered (bounded by the HTTP
 * client's timeouts). A 429, or a bucket Discord said is empty, comes back at once as
 * {@link DiscordFailure.Kind#RATE_LIMITED} with Discord's delay for the engine to honour (it already paces edits
 * per message), instead of parking a worker thread for an unknown time.
 */
final class DiscordRest {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Discord asks bots to say who they are in this form; the library part is ours, not JDA's. */
    private static final String USER_AGENT = "DiscordBot (reelbot, 1)";

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String authorization;
    private final RateLimits limits;

    DiscordRest(OkHttpClient http, String apiBaseUrl, Secret token, Clock clock) {
        this.http = http;
        this.base = HttpUrl.get(apiBaseUrl);
        this.authorization = "Bot " + token.reveal();
        this.limits = new RateLimits(clock);
    }

    /** The client every instance uses: the settings' base URL, token and timeouts. */
    static DiscordRest of(DiscordSettings settings, Clock clock) {
        return new DiscordRest(httpClient(settings), settings.apiBaseUrl(), settings.token(), clock);
    }

    /** Timeouts of one call; JDA's session uses the same. */
    static OkHttpClient.Builder httpBuilder(DiscordSettings settings) {
        return new OkHttpClient.Builder().connectTimeout(settings.requestTimeout())
                .readTimeout(settings.requestTimeout()).writeTimeout(settings.requestTimeout());
    }

    private static OkHttpClient httpClient(DiscordSettings settings) {
        return httpBuilder(settings).build();
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
        call(Route.Messages.EDIT_MESSAGE.compile(channelId, messageId), json(message.toData()), answer -> null);
    }

    /** The DM channel with a user (Discord returns the existing one if there is one). */
    String openDm(String userId) throws DiscordFailure {
        DataObject body = DataObject.empty().put("recipient_id", userId);
        return call(Route.Self.CREATE_PRIVATE_CHANNEL.compile(), json(body), DiscordRest::id);
    }

    /** The boost tier (0 to 3) of the guild a channel belongs to; empty for a DM or when Discord does not say. */
    OptionalInt boostTierOfChannel(String channelId) throws DiscordFailure {
        Optional<String> guild = call(Route.Channels.GET_CHANNEL.compile(channelId), null,
                answer -> Optional.ofNullable(answer.getString("guild_id", null)));
        return guild.isEmpty() ? OptionalInt.empty() : boostTier(guild.get());
    }

    private OptionalInt boostTier(String guildId) throws DiscordFailure {
        return call(Route.Guilds.GET_GUILD.compile(guildId), null, guild -> guild.isNull("premium_tier")
                ? OptionalInt.empty() : OptionalInt.of(guild.getInt("premium_tier")));
    }

    /**
     * Replaces the application's commands, in one guild (they update at once) or, with {@code guildId} null,
     * globally (Discord may take a while to show them).
     */
    void putCommands(String applicationId, String guildId, List<? extends CommandData> commands)
            throws DiscordFailure {
        DataArray array = DataArray.empty();
        commands.forEach(command -> array.add(command.toData()));
        Route.CompiledRoute route = guildId == null ? Route.Interactions.UPDATE_COMMANDS.compile(applicationId)
                : Route.Interactions.UPDATE_GUILD_COMMANDS.compile(applicationId, guildId);
        call(route, RequestBody.create(array.toJson(), JSON), answer -> null);
    }

    /** Runs one call: refused at once while its bucket is known empty, else sent and its answer read. */
    private <T> T call(Route.CompiledRoute route, RequestBody body, Function<DataObject, T> read)
            throws DiscordFailure {
        String bucket = route.getBaseRoute() + " " + route.getMajorParameters();
        Optional<Duration> wait = limits.waitFor(bucket);
        if (wait.isPresent()) {
            throw DiscordFailure.rateLimited(route.toString(), wait.get());
        }
        Request request = new Request.Builder().url(route.toHttpUrl(base))
                .method(route.getMethod().name(), body).header("Authorization", authorization)
                .header("User-Agent", USER_AGENT).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            DataObject answer = parse(text);
            limits.learn(bucket, response.code(), response::header, answer);
            if (response.code() == 429) {
                throw DiscordFailure.rateLimited(route.toString(), RateLimits.retryAfter(response::header, answer));
            }
            if (!response.isSuccessful()) {
                throw DiscordFailure.ofAnswer(response.code(), answer.getInt("code", 0),
                        answer.getString("message", text.isBlank() ? response.message() : text));
            }
            return read.apply(answer);
        } catch (IOException | ParsingException e) {
            // ParsingException: a success without the field asked for; a retry (with the nonce) answers properly.
            throw DiscordFailure.of(e);
        }
    }

    /** Discord's JSON body, or an empty object for a body that is not (a 204, a proxy's HTML error page). */
    private static DataObject parse(String text) {
        if (text.isBlank() || !text.strip().startsWith("{")) {
            return DataObject.empty();
        }
        try {
            return DataObject.fromJson(text);
        } catch (ParsingException e) {
            return DataObject.empty();
        }
    }

    private static RequestBody json(DataObject object) {
        return RequestBody.create(object.toJson(), JSON);
    }

    private static String id(DataObject answer) {
        return answer.getString("id");
    }

    /** Closes the HTTP client's connections and threads (at shutdown). */
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
