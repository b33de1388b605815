package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the client through every failure it knows and checks that no log line or exception shows the key. */
class ApiKeyNeverLeaksTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private interface Call {
        void run() throws Exception;
    }

    @Test
    void keyIsAbsentFromEveryLogLineAndException() throws Exception {
        HttpVideoApiTest setup = new HttpVideoApiTest();
        HttpVideoApi api = setup.api(server.url("/").toString(), Duration.ofMillis(300));
        List<Throwable> failures = new ArrayList<>();
        String echoingKey = "{\"error\":{\"message\":\"bad key Bearer " + HttpVideoApiTest.KEY.substring(0, 6)
                + "...\"}}";
        List<MockResponse> answers = List.of(
                HttpVideoApiTest.json(401, echoingKey),
                HttpVideoApiTest.json(500, "{}"),
                HttpVideoApiTest.json(200, "garbage"),
                new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build(),
                new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
                HttpVideoApiTest.json(400, "{\"code\":\"invalid_size\",\"message\":\"nope\",\"data\":null}"));
        List<Call> calls = new ArrayList<>();
        for (MockResponse answer : answers) {
            calls.add(() -> {
                server.enqueue(answer);
                api.create(VideoRequest.builder("p", "sora-2").build());
            });
            calls.add(() -> {
                for (int i = 0; i < 3; i++) {
                    server.enqueue(answer);
                }
                api.get("task_1");
            });
        }
        calls.add(() -> {
            server.enqueue(new MockResponse.Builder().code(404).body("gone").build());
            server.enqueue(new MockResponse.Builder().code(403).body("no").build());
            api.download("task_1", server.url("/x.mp4").toString(), 100, dir.resolve("v.mp4"));
        });

        try (LogCapture logs = new LogCapture()) {
            for (Call call : calls) {
                try {
                    call.run();
                } catch (VideoApiException e) {
                    failures.add(e);
                }
            }
            assertThat(failures).hasSizeGreaterThanOrEqualTo(10);
            for (Throwable failure : failures) {
                assertThat(stackTrace(failure)).doesNotContain(HttpVideoApiTest.KEY);
            }
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(HttpVideoApiTest.KEY));
        }
        assertThat(api.toString()).doesNotContain(HttpVideoApiTest.KEY);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out + " " + t;
    }
}
