package dev.reelbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local Discord for tests, on loopback: the REST routes JDA and the adapter call (under {@code /api/v10/}) and
 * a gateway ({@link FakeGateway}). It records every REST call, keeps the messages posted so edits of a deleted one
 * answer 404 Unknown Message, refuses channels a test forbids (403 Missing Access) and DMs a test closes (403
 * 50007), knows guild boost tiers, and answers a planned failure (a 429, a 500) when told to, or random ones on
 * channel routes (429s, and 5xx answers that sometimes come after the message was posted).
 *
 * <p>Threading: Jetty serves requests concurrently; all state is in concurrent collections.
 */
final class FakeDiscord implements AutoCloseable {
    static final String BOT_ID = "111111111111111111";
    static final String APP_ID = "222222222222222222";
    static final String TOKEN = "fake-discord-bot-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v10/";

    /**
     * One REST call as received: for multipart bodies, {@code body} is the {@code payload_json} part, and
     * {@code file} the first file's bytes (empty without one).
     */
    record Call(String method, String path, JsonNode body, List<String> fileNames, long fileBytes, String fileHead,
                byte[] file) {
    }

    private record Planned(String method, Pattern path, int status, String body, String retryAfter) {
    }

    private record Stored(String channelId, JsonNode body) {
    }

    private final FakeGateway gateway = new FakeGateway();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Stored> messages = new ConcurrentHashMap<>();
    private final Map<String, String> byNonce = new ConcurrentHashMap<>();
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private final Set<String> closedDms = ConcurrentHashMap.newKeySet();
    private final Map<String, String> dmOwners = new ConcurrentHashMap<>();
    private final Map<String, String> channelGuilds = new ConcurrentHashMap<>();
    private final Map<String, Integer> guildTiers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Planned> planned = new ConcurrentLinkedDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile double faultRate;
    private SplittableRandom faults = new SplittableRandom(0);
    private final Javalin server;

    private FakeDiscord() {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.http.maxRequestSize = 200L * 1024 * 1024;
            cfg.routes.ws("/gateway", gateway::configure);
            cfg.routes.get(API + "users/@me", ctx -> handle(ctx, c -> ctx.json(botUser())));
            cfg.routes.put(API + "applications/{app}/commands", ctx -> handle(ctx, c -> ctx.json(commands(c))));
            cfg.routes.put(API + "applications/{app}/guilds/{guild}/commands",
                    ctx -> handle(ctx, c -> ctx.json(commands(c))));
            cfg.routes.post(API + "interactions/{id}/{token}/callback", ctx -> handle(ctx, c -> callback(ctx, c)));
            cfg.routes.patch(API + "webhooks/{app}/{token}/messages/@original",
                    ctx -> handle(ctx, c -> ctx.json(message(newId(), "0", c.body()))));
            cfg.routes.post(API + "webhooks/{app}/{token}",
                    ctx -> handle(ctx, c -> ctx.json(message(newId(), "0", c.body()))));
            cfg.routes.post(API + "channels/{channel}/messages", ctx -> handle(ctx, c -> send(ctx, c)));
            cfg.routes.patch(API + "channels/{channel}/messages/{message}", ctx -> handle(ctx, c -> edit(ctx, c)));
            cfg.routes.post(API + "users/@me/channels", ctx -> handle(ctx, c -> openDm(ctx, c)));
            cfg.routes.get(API + "channels/{channel}", ctx -> handle(ctx, c -> ctx.json(JSON.createObjectNode()
                    .put("id", ctx.pathParam("channel")).put("type", 0)
                    .put("guild_id", channelGuilds.get(ctx.pathParam("channel"))))));
            cfg.routes.get(API + "guilds/{guild}", ctx -> handle(ctx, c -> ctx.json(JSON.createObjectNode()
                    .put("id", ctx.pathParam("guild")).put("name", "a guild")
                    .put("premium_tier", guildTiers.getOrDefault(ctx.pathParam("guild"), 0)))));
        });
        server.start();
    }

    static FakeDiscord start() {
        return new FakeDiscord();
    }

    String apiBaseUrl() {
        return "http://127.0.0.1:" + server.port() + API;
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + server.port() + "/gateway";
    }

    /** The {@code discord} section of a config for {@code run} against this fake. */
    String configSection() {
        return """
                discord:
                  enabled: true
                  api-base-url: %s
                  gateway-url: %s
                  admin-channel: "%s"
                  command-guilds: ["%s"]
                """.formatted(apiBaseUrl(), gatewayUrl(), Interactions.ADMIN_CHANNEL, Interactions.GUILD);
    }

    FakeGateway gateway() {
        return gateway;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one method whose path (after {@code /api/v10/}) matches a regex. */
    List<Call> calls(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return calls.stream().filter(c -> c.method().equals(method) && path.matcher(c.path()).matches()).toList();
    }

    /** What a message shows now (its last posted or edited body), or {@code null} when there is none. */
    JsonNode message(String messageId) {
        Stored stored = messages.get(messageId);
        return stored == null ? null : stored.body();
    }

    void delete(String messageId) {
        messages.remove(messageId);
    }

    /** The bot may no longer see this channel: every message call there answers 403 Missing Access. */
    void forbid(String channelId) {
        forbidden.add(channelId);
    }

    /** This user accepts no DMs from the bot: sends to their DM channel answer 403 50007. */
    void closeDms(String userId) {
        closedDms.add(userId);
    }

    void guildTier(String guildId, String channelId, int tier) {
        channelGuilds.put(channelId, guildId);
        guildTiers.put(guildId, tier);
    }

    /** The next call of {@code method} to a path matching {@code pathRegex} gets this answer instead. */
    void failNext(String method, String pathRegex, int status, String body, String retryAfter) {
        planned.add(new Planned(method, Pattern.compile(pathRegex), status, body, retryAfter));
    }

    /** From now on, fails this share of calls to {@code channels/...} and DM routes with a 429 or a 5xx. */
    synchronized void failRandomly(double rate, long seed) {
        faults = new SplittableRandom(seed);
        faultRate = rate;
    }

    /** How many random faults were injected. */
    int injectedFaults() {
        return injected.get();
    }

    /** The fault for this call: 0 for none, else the HTTP status; -500 means "answer 500 after doing the call". */
    private synchronized int nextFault(Call call) {
        if (faultRate == 0 || !(call.path().startsWith("channels/") || call.path().startsWith("users/@me/channels"))
                || faults.nextDouble() >= faultRate) {
            return 0;
        }
        injected.incrementAndGet();
        int status = new int[] {429, 500, 502}[faults.nextInt(3)];
        return status == 500 && call.method().equals("POST") && faults.nextBoolean() ? -500 : status;
    }

    /** The bodies of the messages in a channel as they stand now. */
    List<JsonNode> messagesIn(String channelId) {
        return messages.values().stream().filter(m -> m.channelId().equals(channelId)).map(Stored::body).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    @FunctionalInterface
    private interface Route {
        void serve(Call call) throws IOException;
    }

    private void handle(Context ctx, Route route) throws IOException {
        Call call = read(ctx);
        calls.add(call);
        if (!("Bot " + TOKEN).equals(ctx.header("Authorization"))) {
            error(ctx, 401, 0, "401: Unauthorized");
            return;
        }
        for (Planned plan : planned) {
            if (plan.method().equals(call.method()) && plan.path().matcher(call.path()).matches()
                    && planned.remove(plan)) {
                if (plan.retryAfter() != null) {
                    ctx.header("Retry-After", plan.retryAfter());
                }
                ctx.status(plan.status()).contentType("application/json").result(plan.body());
                return;
            }
        }
        int fault = nextFault(call);
        if (fault == 429) {
            ctx.header("Retry-After", "1").status(429).contentType("application/json")
                    .result("{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}");
            return;
        }
        if (fault > 0) {
            error(ctx, fault, 0, fault + ": Server Error");
            return;
        }
        route.serve(call);
        if (fault < 0) {
            error(ctx, 500, 0, "500: Internal Server Error");
        }
    }

    private Call read(Context ctx) throws IOException {
        String path = ctx.path().substring(API.length());
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("multipart/form-data")) {
            List<String> names = new ArrayList<>();
            long bytes = 0;
            String head = "";
            byte[] content = new byte[0];
            for (UploadedFile file : ctx.uploadedFiles()) {
                names.add(file.filename());
                bytes += file.size();
                try (InputStream in = file.content()) {
                    byte[] all = in.readAllBytes();
                    content = names.size() == 1 ? all : content;
                    head = all.length >= 8 ? new String(all, 4, 4, StandardCharsets.US_ASCII) : "";
                }
            }
            return new Call(ctx.method().name(), path, JSON.readTree(ctx.formParam("payload_json")), names, bytes,
                    head, content);
        }
        String body = ctx.body();
        return new Call(ctx.method().name(), path, body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body),
                List.of(), 0, "", new byte[0]);
    }

    private void send(Context ctx, Call call) {
        String channel = ctx.pathParam("channel");
        if (forbidden.contains(channel)) {
            error(ctx, 403, DiscordFailure.MISSING_ACCESS, "Missing Access");
            return;
        }
        String owner = dmOwners.get(channel);
        if (owner != null && closedDms.contains(owner)) {
            error(ctx, 403, DiscordFailure.CANNOT_DM, "Cannot send messages to this user");
            return;
        }
        String nonce = call.body().path("nonce").asText("");
        if (!nonce.isEmpty() && call.body().path("enforce_nonce").asBoolean(false) && byNonce.containsKey(nonce)) {
            String earlier = byNonce.get(nonce);
            ctx.json(message(earlier, messages.get(earlier).channelId(), messages.get(earlier).body()));
            return;
        }
        String id = newId();
        messages.put(id, new Stored(channel, call.body()));
        if (!nonce.isEmpty()) {
            byNonce.put(nonce, id);
        }
        ctx.json(message(id, channel, call.body()));
    }

    private void edit(Context ctx, Call call) {
        String channel = ctx.pathParam("channel");
        String id = ctx.pathParam("message");
        if (forbidden.contains(channel)) {
            error(ctx, 403, DiscordFailure.MISSING_ACCESS, "Missing Access");
            return;
        }
        Stored stored = messages.get(id);
        if (stored == null || !stored.channelId().equals(channel)) {
            error(ctx, 404, DiscordFailure.UNKNOWN_MESSAGE, "Unknown Message");
            return;
        }
        messages.put(id, new Stored(channel, call.body()));
        ctx.json(message(id, channel, call.body()));
    }

    private void openDm(Context ctx, Call call) {
        String user = call.body().path("recipient_id").asText();
        String channel = dmOwners.entrySet().stream().filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey)
                .findFirst().orElseGet(() -> {
                    String id = newId();
                    dmOwners.put(id, user);
                    return id;
                });
        ObjectNode dm = JSON.createObjectNode().put("id", channel).put("type", 1);
        dm.putArray("recipients").addObject().put("id", user).put("username", "user" + user.substring(0, 4))
                .put("discriminator", "0");
        ctx.json(dm);
    }

    /** The DM channel the bot opened with a user, or {@code null}. */
    String dmChannelOf(String userId) {
        return dmOwners.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** An interaction's answer: 204 as Discord gives, or Discord's 400 for a form or completion it would refuse. */
    private static void callback(Context ctx, Call call) {
        String problem = CallbackRules.problem(call.body());
        if (problem != null) {
            error(ctx, 400, 50035, "Invalid Form Body: " + problem);
        } else {
            ctx.status(204);
        }
    }

    private ArrayNode commands(Call call) {
        ArrayNode echoed = JSON.createArrayNode();
        call.body().forEach(command -> {
            ObjectNode copy = ((ObjectNode) command).deepCopy();
            copy.put("id", newId()).put("application_id", APP_ID).put("version", "1");
            echoed.add(copy);
        });
        return echoed;
    }

    private static void error(Context ctx, int status, int code, String message) {
        ctx.status(status).json(JSON.createObjectNode().put("code", code).put("message", message));
    }

    private String newId() {
        return Interactions.snowflake(Instant.now(), ids.incrementAndGet());
    }

    static ObjectNode botUser() {
        return JSON.createObjectNode().put("id", BOT_ID).put("username", "reelbot").put("discriminator", "0000")
                .put("global_name", "reelbot").putNull("avatar").put("bot", true).put("verified", true)
                .put("mfa_enabled", false).put("flags", 0);
    }

    static ObjectNode message(String id, String channel, JsonNode body) {
        ObjectNode message = JSON.createObjectNode().put("id", id).put("channel_id", channel).put("type", 0)
                .put("content", body.path("content").asText("")).put("timestamp", Instant.now().toString())
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("flags", body.path("flags").asInt(0));
        message.set("author", botUser());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.set("embeds", body.path("embeds").isArray() ? body.get("embeds") : JSON.createArrayNode());
        message.set("components", body.path("components").isArray() ? body.get("components")
                : JSON.createArrayNode());
        return message;
    }
}
