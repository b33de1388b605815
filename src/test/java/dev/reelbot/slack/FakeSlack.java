package dev.reelbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local fake of the Slack Web API and Socket Mode, enough for the real Bolt and slack-api-client to run against:
 * it records every call, keeps each message's current text and blocks, and can be told to refuse a channel
 * ({@code not_in_channel}), to answer {@code chat.update} with 429s, or to fail calls ({@link SlackFaults}: 429s, and
 * 5xx answers that sometimes come after the message was posted: the answer lost, the post made).
 */
final class FakeSlack implements AutoCloseable {
    static final String TEAM = "T0TEST";
    static final String BOT_USER = "U_BOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call with its form fields. */
    record Call(String method, Map<String, String> form) {
        String field(String name) {
            return form.get(name);
        }
    }

    /** A message as it stands now; {@code metadata} as posted (a JSON string), or {@code null}. */
    record Message(String channel, String ts, String text, String blocks, String metadata) {
    }

    /** A file shared in a channel (or a thread) by {@code files.completeUploadExternal}. */
    record Share(String channel, String threadTs, String ts, String filename) {
    }


    /** The name {@link #calls} gives the transfer of a file's bytes to its {@code upload_url}. */
    static final String UPLOAD = "(file transfer)";

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> fileNames = new ConcurrentHashMap<>();
    private final List<Share> shares = new CopyOnWriteArrayList<>();
    private final SlackFaults faults = new SlackFaults();
    private final List<String> responses = new CopyOnWriteArrayList<>();
    private final List<String> socketAcks = new CopyOnWriteArrayList<>();
    private final Set<String> refusedChannels = ConcurrentHashMap.newKeySet();
    private final AtomicInteger updatesToRateLimit = new AtomicInteger();
    private final AtomicInteger retryAfterSeconds = new AtomicInteger(1);
    private final AtomicInteger ids = new AtomicInteger();
    private final FakeSlackViews views = new FakeSlackViews();
    private final FakeSlackFiles files = new FakeSlackFiles();
    private volatile WsContext socket;
    private final Javalin server;

    FakeSlack() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.http.maxRequestSize = 50_000_000;
            config.routes.post("/api/{method}", this::api);
            config.routes.post("/upload/{file}", ctx -> {
                calls.add(new Call(UPLOAD, Map.of("file", ctx.pathParam("file"), "content_type",
                        String.valueOf(ctx.contentType()))));
                if (faults.apply(UPLOAD, ctx) == SlackFaults.Outcome.ANSWERED) {
                    return;
                }
                uploads.put(ctx.pathParam("file"), ctx.bodyAsBytes());
                ctx.result("OK - " + ctx.bodyAsBytes().length);
            });
            config.routes.get("/files-pri/{file}", files::download);
            config.routes.post("/respond/{id}", ctx -> {
                responses.add(ctx.body());
                ctx.result("ok");
            });
            config.routes.ws("/socket", ws -> {
                ws.onConnect(ctx -> {
                    socket = ctx;
                    ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                            + "\"connection_info\":{\"app_id\":\"A1\"}}");
                });
                ws.onMessage(ctx -> socketAcks.add(ctx.message()));
            });
        }).start(0);
    }

    String apiUrl() {
        return base() + "/api/";
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The language {@code user} set in Slack ({@code users.info} tells it with {@code include_locale}). */
    void userLocale(String user, String locale) {
        files.setLocale(user, locale);
    }

    void refuse(String channel) {
        refusedChannels.add(channel);
    }

    /** From now on, fails this share of message calls (post, update, history, uploads) with a 429 or a 5xx. */
    void failRandomly(double rate, long seed) {
        faults.failRandomly(rate, seed);
    }

    /** How many random faults were injected: in all, and 5xx answers to a post that was made. */
    List<Integer> injectedFaults() {
        return faults.injected();
    }

    /** The next call of {@code method} gets this answer instead (with {@code Retry-After} when not null). */
    void answerNext(String method, int status, String body, String retryAfter) {
        faults.answerNext(method, status, body, retryAfter);
    }

    /** The files shared so far, in order. */
    List<Share> shares() {
        return List.copyOf(shares);
    }

    void rateLimitUpdates(int count, int seconds) {
        retryAfterSeconds.set(seconds);
        updatesToRateLimit.set(count);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Message message(String channel, String ts) {
        return messages.get(channel + "/" + ts);
    }

    List<Message> messagesIn(String channel) {
        return messages.values().stream().filter(m -> m.channel().equals(channel)).toList();
    }

    Map<String, byte[]> uploads() {
        return Map.copyOf(uploads);
    }

    List<String> responses() {
        return List.copyOf(responses);
    }

    List<String> socketAcks() {
        return List.copyOf(socketAcks);
    }

    boolean socketConnected() {
        return socket != null;
    }

    /** Sends a Socket Mode envelope to the connected app. */
    void sendEnvelope(String envelope) {
        socket.send(envelope);
    }

    private void api(Context ctx) throws Exception {
        String method = ctx.pathParam("method");
        Map<String, String> form = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        if (form.containsKey("blocks")) {
            // Gson writes < as \u003c; decode so tests see exactly the characters Slack would render.
            form.put("blocks", JSON.readTree(form.get("blocks")).toString());
        }
        calls.add(new Call(method, form));
        SlackFaults.Outcome fault = faults.apply(method, ctx);
        if (fault == SlackFaults.Outcome.ANSWERED) {
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> answer.put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", "B1")
                    .put("team", "Test").put("user", "reelbot").put("url", "https://test.slack.com/");
            case "apps.connections.open" -> answer.put("url", base().replace("http", "ws") + "/socket");
            case "chat.postMessage" -> {
                String channel = form.get("channel");
                if (refusedChannels.contains(channel)) {
                    fail(ctx, "not_in_channel");
                    return;
                }
                String ts = "1700000000." + String.format("%06d", ids.incrementAndGet());
                messages.put(channel + "/" + ts, new Message(channel, ts, form.get("text"), form.get("blocks"),
                        form.get("metadata")));
                if (fault == SlackFaults.Outcome.POSTED_THEN_FAILED) {
                    ctx.status(500).result("<html>upstream error</html>");
                    return;
                }
                answer.put("channel", channel).put("ts", ts);
            }
            case "chat.update" -> {
                if (updatesToRateLimit.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    ctx.status(429).header("Retry-After", Integer.toString(retryAfterSeconds.get()))
                            .result("{\"ok\":false,\"error\":\"ratelimited\"}");
                    return;
                }
                String key = form.get("channel") + "/" + form.get("ts");
                if (!messages.containsKey(key)) {
                    fail(ctx, "message_not_found");
                    return;
                }
                messages.put(key, new Message(form.get("channel"), form.get("ts"), form.get("text"),
                        form.get("blocks"), messages.get(key).metadata()));
                answer.put("channel", form.get("channel")).put("ts", form.get("ts"));
            }
            case "chat.postEphemeral" -> {
                if (refusedChannels.contains(form.get("channel"))) {
                    fail(ctx, "not_in_channel");
                    return;
                }
                answer.put("message_ts", "1700000001.000001");
            }
            case "conversations.open" -> answer.putObject("channel").put("id", "D" + form.get("users"));
            case "conversations.history" -> history(answer.putArray("messages"), form, null);
            case "conversations.replies" -> history(answer.putArray("messages"), form, form.get("ts"));
            case "files.getUploadURLExternal" -> {
                String file = "F" + ids.incrementAndGet();
                fileNames.put(file, form.get("filename"));
                answer.put("upload_url", base() + "/upload/" + file).put("file_id", file);
            }
            case "files.completeUploadExternal" -> {
                JsonNode files = JSON.readTree(form.get("files"));
                String file = files.get(0).get("id").asText();
                shares.add(new Share(form.get("channel_id"), form.get("thread_ts"),
                        "1700000000." + String.format("%06d", ids.incrementAndGet()), fileNames.get(file)));
                answer.putArray("files").addObject().put("id", file)
                        .put("title", files.get(0).path("title").asText());
            }
            case "views.open", "views.update", "views.publish" -> {
                String error = views.answer(method, form, answer);
                if (error != null) {
                    ctx.contentType("application/json").result(answer.put("ok", false).put("error", error).toString());
                    return;
                }
            }
            case "users.info", "files.info" -> {
                String error = files.answer(method, form, answer, base());
                if (error != null) {
                    fail(ctx, error);
                    return;
                }
            }
            default -> {
                fail(ctx, "unknown_method");
                return;
            }
        }
        ctx.contentType("application/json").result(answer.toString());
    }

    /** A channel's (or a thread's) messages, newest first, file shares among them, as the Web API lists them. */
    private void history(ArrayNode list, Map<String, String> form, String thread) {
        String channel = form.get("channel");
        List<ObjectNode> items = new ArrayList<>();
        if (thread == null) {
            messages.values().stream().filter(m -> m.channel().equals(channel)).forEach(m -> {
                ObjectNode item = JSON.createObjectNode().put("type", "message").put("ts", m.ts())
                        .put("text", m.text()).put("bot_id", "B1");
                if (m.metadata() != null && Set.of("1", "true").contains(form.get("include_all_metadata"))) {
                    item.set("metadata", readJson(m.metadata()));
                }
                items.add(item);
            });
        }
        shares.stream().filter(s -> s.channel().equals(channel) && Objects.equals(s.threadTs(), thread))
                .forEach(s -> {
                    ObjectNode item = JSON.createObjectNode().put("type", "message").put("ts", s.ts())
                            .put("bot_id", "B1");
                    item.putArray("files").addObject().put("id", "F").put("name", s.filename());
                    items.add(item);
                });
        items.sort((a, b) -> b.path("ts").asText().compareTo(a.path("ts").asText()));
        items.forEach(list::add);
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static void fail(Context ctx, String error) {
        ctx.contentType("application/json").result("{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    /** The views opened, updated and published ({@code views.*}). */
    FakeSlackViews views() {
        return views;
    }

    /** The files and users Slack knows ({@code files.info}, {@code users.info}, file downloads). */
    FakeSlackFiles files() {
        return files;
    }

    /** Every text and block string sent in any message call, for checking what users could see. */
    List<String> everythingShown() {
        List<String> shown = new ArrayList<>();
        for (Call call : calls) {
            for (String field : List.of("text", "blocks", "initial_comment")) {
                if (call.form().get(field) != null) {
                    shown.add(call.form().get(field));
                }
            }
        }
        shown.addAll(responses);
        return shown;
    }

    @Override
    public void close() {
        server.stop();
    }
}
