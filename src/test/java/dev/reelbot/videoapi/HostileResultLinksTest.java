package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.testing.FakeGateway;
import dev.reelbot.testing.InternalService;
import dev.reelbot.testing.MutableClock;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile result links: a gateway (or a CDN it points to) that sends the bot to internal addresses, directly or
 * through redirects, in every spelling of an address. The client runs as in production (public addresses only)
 * against a real internal service listening on loopback; the gateway and the CDN stand on 127.0.0.3, which the test
 * policy counts as public. Whatever the route, not one connection may reach the internal service, and nothing it
 * could answer is ever saved as the video.
 */
class HostileResultLinksTest {
    private static final InetAddress PUBLIC = address("127.0.0.3");

    @TempDir
    Path dir;
    InternalService internal;
    MockWebServer gateway;
    MockWebServer cdn;
    final Map<String, Supplier<MockResponse>> gatewayPaths = new ConcurrentHashMap<>();
    final Map<String, Supplier<MockResponse>> cdnPaths = new ConcurrentHashMap<>();
    VideoApi api;

    @BeforeEach
    void start() throws Exception {
        internal = new InternalService(address("127.0.0.1"));
        gateway = serve(gatewayPaths);
        cdn = serve(cdnPaths);
        api = TestApis.publicOnlyExcept(origin(gateway), PUBLIC,
                new ModelCatalog(List.of(ModelSpec.defaultsFor("kling-v2-1"))), MutableClock.at("2026-11-24T12:00:00Z"));
    }

    @AfterEach
    void stop() throws Exception {
        internal.close();
        gateway.close();
        cdn.close();
    }

    /** Every way of writing "the internal service" (and other internal places) a URL can hold. */
    static Stream<String> internalPlaces() {
        return Stream.of("http://127.0.0.1:%d/secret", "http://2130706433:%d/secret", "http://0x7f000001:%d/secret",
                "http://0x7f.0.0.1:%d/secret", "http://0177.0.0.1:%d/secret", "http://017700000001:%d/secret",
                "http://127.1:%d/secret", "http://127.000.000.001:%d/secret", "http://127.0.0.1.:%d/secret",
                "http://[::ffff:127.0.0.1]:%d/secret", "http://[::ffff:7f00:1]:%d/secret",
                "http://[0:0:0:0:0:ffff:127.0.0.1]:%d/secret", "http://localhost:%d/secret",
                "http://LocalHost.:%d/secret", "http://0.0.0.0:%d/secret", "http://0:%d/secret",
                "http://[::]:%d/secret", "http://[::1]:%d/secret", "https://127.0.0.1:%d/secret",
                "http://user:pass@127.0.0.1:%d/secret", "http://10.1.2.3/secret", "http://192.168.1.1/secret",
                "http://172.16.0.1/secret", "http://100.64.0.1/secret",
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://[fd00::1]/secret", "http://[fe80::1]/secret", "http://[64:ff9b::7f00:1]/secret",
                "http://[2002:7f00:1::]/secret");
    }

    private String place(String template) {
        return template.contains("%d") ? template.formatted(internal.port()) : template;
    }

    @ParameterizedTest(name = "metadata.url {0}")
    @MethodSource("internalPlaces")
    void aResultLinkToAnInternalPlaceIsRefusedAndTheContentRouteDelivers(String template) throws Exception {
        gatewayPaths.put("/v1/videos/task_1/content", FakeGateway::video);

        VideoDownload result = download(place(template));

        assertDeliveredFromTheContentRouteWithNoLink(result);
    }

    @ParameterizedTest(name = "CDN redirects to {0}")
    @MethodSource("internalPlaces")
    void aResultLinkOnAPublicHostRedirectingInsideIsRefused(String template) throws Exception {
        cdnPaths.put("/v.mp4", () -> FakeGateway.redirect(place(template)));
        gatewayPaths.put("/v1/videos/task_1/content", FakeGateway::video);

        VideoDownload result = download(origin(cdn) + "/v.mp4");

        assertDeliveredFromTheContentRouteWithNoLink(result);
        assertThat(cdn.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "the gateway's own host redirects to {0}")
    @MethodSource("internalPlaces")
    void aResultLinkOnTheGatewaysOwnHostRedirectingInsideIsRefused(String template) throws Exception {
        gatewayPaths.put("/files/v.mp4", () -> FakeGateway.redirect(place(template)));
        gatewayPaths.put("/v1/videos/task_1/content", FakeGateway::video);

        VideoDownload result = download(origin(gateway) + "/files/v.mp4");

        assertDeliveredFromTheContentRouteWithNoLink(result);
    }

    @ParameterizedTest(name = "/content redirects to {0}")
    @MethodSource("internalPlaces")
    void theContentRouteRedirectingInsideIsRefusedAndNothingIsSaved(String template) throws Exception {
        gatewayPaths.put("/v1/videos/task_1/content", () -> FakeGateway.redirect(place(template)));

        assertRefused();
    }

    @ParameterizedTest(name = "/content redirects through a CDN to {0}")
    @MethodSource("internalPlaces")
    void theContentRouteRedirectingInsideThroughAPublicHostIsRefused(String template) throws Exception {
        gatewayPaths.put("/v1/videos/task_1/content", () -> FakeGateway.redirect(origin(cdn) + "/hop"));
        cdnPaths.put("/hop", () -> FakeGateway.redirect(place(template)));

        assertRefused();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void everyRedirectCodeIsChecked(int code) throws Exception {
        gatewayPaths.put("/v1/videos/task_1/content", () -> new MockResponse.Builder().code(code)
                .setHeader("Location", "//127.0.0.1:" + internal.port() + "/secret").build());

        assertRefused();
    }

    private VideoDownload download(String resultUrl) throws Exception {
        return api.download("task_1", resultUrl, 1_000_000, dir.resolve("v.mp4"));
    }

    private void assertDeliveredFromTheContentRouteWithNoLink(VideoDownload result) throws Exception {
        assertThat(internal.connections()).as("connections to the internal service").isZero();
        assertThat(result).isInstanceOf(VideoDownload.Saved.class);
        assertThat(result.link()).as("a refused link is never offered as the video").isNull();
        String saved = new String(Files.readAllBytes(dir.resolve("v.mp4")), StandardCharsets.ISO_8859_1);
        assertThat(saved).doesNotContain(InternalService.SECRET);
    }

    private void assertRefused() throws Exception {
        assertThatThrownBy(() -> download(null))
                .isInstanceOfSatisfying(VideoApiException.Rejected.class, e -> assertThat(e.unsafeAddress()).isTrue());
        assertThat(internal.connections()).as("connections to the internal service").isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("nothing saved").isEmpty();
        }
    }

    private static MockWebServer serve(Map<String, Supplier<MockResponse>> paths) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Supplier<MockResponse> answer = paths.get(request.getUrl().encodedPath());
                return answer != null ? answer.get() : new MockResponse.Builder().code(404).build();
            }
        });
        server.start(PUBLIC, 0);
        return server;
    }

    private static String origin(MockWebServer server) {
        return "http://" + PUBLIC.getHostAddress() + ":" + server.getPort();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
