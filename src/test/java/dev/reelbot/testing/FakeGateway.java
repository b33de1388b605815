package dev.reelbot.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A video gateway on MockWebServer whose answers a test scripts by a marker in the prompt, for what a misbehaving
 * gateway can do that the simulator does not: a result link anywhere ({@code metadata.url}), a {@code /content}
 * answer of any kind (a redirect, a drip), any other path answered as the test says. A job runs for
 * {@link #POLLS_TO_FINISH} status polls, then is completed.
 */
public final class FakeGateway implements AutoCloseable {
    public static final int POLLS_TO_FINISH = 3;

    /** What the gateway does for jobs whose prompt holds a marker: their result link and their content answer. */
    public record Script(String resultUrl, Supplier<MockResponse> content) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, Script> byTask = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Map<String, Supplier<MockResponse>> paths = new ConcurrentHashMap<>();
    private final AtomicInteger tasks = new AtomicInteger();

    public FakeGateway(InetAddress address) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(address, 0);
    }

    /** Jobs whose prompt contains {@code marker} follow {@code script}; others get a plain MP4 from /content. */
    public FakeGateway script(String marker, Script script) {
        scripts.put(marker, script);
        return this;
    }

    /** Any other path is answered with {@code answer} (a redirect standing in for a CDN, say). */
    public FakeGateway route(String path, Supplier<MockResponse> answer) {
        paths.put(path, answer);
        return this;
    }

    /** The root, e.g. {@code http://127.0.0.3:40123} (the client adds {@code /v1}). */
    public String baseUrl() {
        return "http://" + server.getSocketAddress().getAddress().getHostAddress() + ":" + server.getPort();
    }

    /** How many status polls the task had. */
    public int polls(String taskId) {
        AtomicInteger count = polls.get(taskId);
        return count == null ? 0 : count.get();
    }

    public static MockResponse video() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "video/mp4")
                .body(new Buffer().write(TestVideos.mp4(4096))).build();
    }

    public static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).setHeader("Location", location).build();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (request.getMethod().equals("POST") && path.equals("/v1/videos")) {
            String task = "task_" + tasks.incrementAndGet();
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            scripts.forEach((marker, script) -> {
                if (body.contains(marker)) {
                    byTask.put(task, script);
                }
            });
            return json("{\"id\":\"" + task + "\",\"object\":\"video\",\"status\":\"queued\",\"progress\":0}");
        }
        if (path.startsWith("/v1/videos/") && path.endsWith("/content")) {
            Script script = byTask.get(path.split("/")[3]);
            return script == null || script.content() == null ? video() : script.content().get();
        }
        if (path.startsWith("/v1/videos/")) {
            return status(path.substring("/v1/videos/".length()));
        }
        Supplier<MockResponse> route = paths.get(path);
        return route != null ? route.get() : new MockResponse.Builder().code(404).body("no such path").build();
    }

    private MockResponse status(String task) {
        int n = polls.computeIfAbsent(task, t -> new AtomicInteger()).incrementAndGet();
        if (n < POLLS_TO_FINISH) {
            return json("{\"id\":\"" + task + "\",\"status\":\"in_progress\",\"progress\":" + n * 30 + "}");
        }
        Script script = byTask.get(task);
        String link = script == null || script.resultUrl() == null ? ""
                : ",\"metadata\":{\"url\":\"" + script.resultUrl() + "\"}";
        return json("{\"id\":\"" + task + "\",\"status\":\"completed\",\"progress\":100" + link + "}");
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
