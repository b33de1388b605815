package dev.reelbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway half of {@link FakeDiscord}: says HELLO, answers IDENTIFY with READY (no guilds: the bot has no
 * intents), acks heartbeats, and pushes dispatches such as {@code INTERACTION_CREATE} when a test asks.
 *
 * <p>Threading: Jetty calls the handlers; tests call {@link #dispatch}; sends are serialized on this object.
 */
final class FakeGateway {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WsContext session;
    private final AtomicInteger identifications = new AtomicInteger();
    private final Set<WsContext> open = ConcurrentHashMap.newKeySet();
    private final List<String> identifiedShards = new CopyOnWriteArrayList<>();

    void configure(WsConfig ws) {
        ws.onClose(ctx -> open.remove(ctx));
        ws.onConnect(ctx -> {
            session = ctx;
            open.add(ctx);
            send(ctx, JSON.createObjectNode().put("op", 10).set("d",
                    JSON.createObjectNode().put("heartbeat_interval", 45_000)));
        });
        ws.onMessage(ctx -> {
            JsonNode frame = JSON.readTree(ctx.message());
            switch (frame.path("op").asInt()) {
                case 1 -> send(ctx, JSON.createObjectNode().put("op", 11));
                case 2 -> {
                    identifications.incrementAndGet();
                    identifiedShards.add(frame.path("d").path("shard").toString());
                    dispatch("READY", ready());
                }
                default -> {
                    // presence updates and the like: nothing to answer
                }
            }
        });
    }

    /** How many times a bot identified: one per start (or reconnect). */
    int identifications() {
        return identifications.get();
    }

    /** How many bot sessions are connected now. */
    int openSessions() {
        return open.size();
    }

    /** The {@code shard} field of each IDENTIFY, in order, e.g. {@code [0,1]}. */
    List<String> identifiedShards() {
        return List.copyOf(identifiedShards);
    }

    /** Sends an event to the connected bot, e.g. {@code INTERACTION_CREATE}. */
    void dispatch(String type, JsonNode data) {
        WsContext ctx = session;
        if (ctx == null) {
            throw new IllegalStateException("no bot is connected to the fake gateway");
        }
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        frame.set("d", data);
        send(ctx, frame);
    }

    private synchronized void send(WsContext ctx, JsonNode frame) {
        try {
            ctx.send(JSON.writeValueAsString(frame));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a gateway frame", e);
        }
    }

    private static ObjectNode ready() {
        ObjectNode ready = JSON.createObjectNode().put("v", 10).put("session_id", "fake-session")
                .put("resume_gateway_url", "ws://127.0.0.1:1/unused");
        ready.set("user", FakeDiscord.botUser());
        ready.putArray("guilds");
        ready.putArray("private_channels");
        ready.putObject("application").put("id", FakeDiscord.APP_ID).put("flags", 0);
        return ready;
    }
}
