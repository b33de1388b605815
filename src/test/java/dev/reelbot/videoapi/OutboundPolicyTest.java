package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.VideoApiException;
import java.net.UnknownHostException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bot must never become a way to reach internal hosts through a URL someone else chose. */
class OutboundPolicyTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ImageFetcher production = new ImageFetcher(new OkHttpClient(), OutboundPolicy.publicOnly());

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/a.png", "https://10.1.2.3/a.png", "https://169.254.169.254/latest",
            "https://[::1]/a.png", "https://[fd00::1]/a.png", "https://192.168.0.10/a.png", "https://0.0.0.0/a.png",
            "https://[::ffff:127.0.0.1]/a.png", "https://100.64.0.1/a.png"})
    void privateAddressLiteralsAreRefusedWithoutConnecting(String url) {
        assertThatThrownBy(() -> production.fetch(url))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("private or internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/a.png", "https://0177.0.0.1/a.png", "https://0x7f000001/a.png",
            "https://0x7f.0.0.1/a.png", "https://127.1/a.png", "https://017700000001/a.png", "https://127.0.0.1./a.png",
            "https://0/a.png", "https://8.8.8.08/a.png"})
    void addressesInUnusualSpellingsAreRefusedWithoutConnecting(String url) {
        assertThatThrownBy(() -> production.fetch(url))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("is not allowed")
                .hasMessageContaining("unusual spelling");
    }

    @Test
    void aPlainPublicAddressPassesTheCheckAsWritten() {
        assertThat(OutboundPolicy.publicOnly().refusal(HttpUrl.get("https://8.8.8.8/a.png"))).isNull();
        assertThat(OutboundPolicy.publicOnly().refusal(HttpUrl.get("https://cdn.example.com/a.png")))
                .as("a name is checked when it is resolved").isNull();
        assertThat(OutboundPolicy.publicOnly().refusal(HttpUrl.get("https://bad.cafe/a.png")))
                .as("a name made of hex letters is still a name").isNull();
    }

    @Test
    void namesThatResolveToLoopbackAreRefused() {
        assertThatThrownBy(() -> OutboundPolicy.publicOnly().lookup("localhost"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("private or internal");
        assertThatThrownBy(() -> production.fetch("https://localhost:1/a.png"))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("private or internal");
    }

    @Test
    void plainHttpIsRefused() {
        assertThatThrownBy(() -> production.fetch("http://example.com/a.png"))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("only https://");
    }

    @Test
    void notAUrlIsRefused() {
        assertThatThrownBy(() -> production.fetch("file:///etc/passwd"))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("not a valid URL");
    }

    @Test
    void redirectsAreCheckedAtEveryHop() {
        ImageFetcher permissive = new ImageFetcher(new OkHttpClient(), OutboundPolicy.permissiveForTests());
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/next" + i).build());
        }

        assertThatThrownBy(() -> permissive.fetch(server.url("/start").toString()))
                .isInstanceOf(VideoApiException.Rejected.class)
                .hasMessageContaining("redirects too many times");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void oversizeImagesAreRefused() {
        ImageFetcher permissive = new ImageFetcher(new OkHttpClient(), OutboundPolicy.permissiveForTests());
        byte[] huge = new byte[(int) ImageFetcher.MAX_IMAGE_BYTES + 1];
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/jpeg")
                .body(new okio.Buffer().write(huge)).build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/jpeg")
                .chunkedBody(new okio.Buffer().write(huge), 65536).build());

        for (String path : new String[] {"/declared.jpg", "/chunked.jpg"}) {
            assertThatThrownBy(() -> permissive.fetch(server.url(path).toString()))
                    .isInstanceOf(VideoApiException.Rejected.class)
                    .hasMessageContaining("larger than 10 MiB");
        }
    }

    @Test
    void theApiOwnHostIsRecognised() {
        ApiEndpoint endpoint = new ApiEndpoint("http://127.0.0.1:8090/v1", dev.reelbot.core.Secret.of("k"));
        assertThat(endpoint.isOwnHost(HttpUrl.get("http://127.0.0.1:8090/files/a.mp4"))).isTrue();
        assertThat(endpoint.isOwnHost(HttpUrl.get("http://127.0.0.1:9999/files/a.mp4"))).isFalse();
        assertThat(endpoint.isOwnHost(HttpUrl.get("http://cdn.example.com/a.mp4"))).isFalse();
    }
}
