package dev.reelbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.Secret;
import dev.reelbot.core.MediaStore;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.media.S3MediaStore;
import dev.reelbot.testing.LocalS3;
import dev.reelbot.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bot's own video links over real HTTP: ranges, ETags, and 404/410 that say nothing about the job; the same
 * answers whether the video is in a directory or in an S3 bucket (a real S3 API in this JVM).
 */
@ParameterizedClass
@ValueSource(strings = {"directory", "s3"})
class MediaRoutesTest {
    private static final byte[] VIDEO = video(1000);
    /** The public root links are made with; requests go to the server's real port instead. */
    private static final String PUBLIC = "https://reelbot.example.com";
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private final SignedLinks links = new SignedLinks(PUBLIC, Secret.of("a-media-link-secret-0123456789"));
    @Parameter
    String storage;
    private WebServer web;
    private LocalS3 s3;
    private MediaStore store;

    @BeforeEach
    void start() throws Exception {
        if (storage.equals("s3")) {
            s3 = LocalS3.start(dir.resolve("s3"), "videos");
            store = S3MediaStore.connect(s3.target("videos", "media/"));
        } else {
            store = LocalMediaStore.open(dir);
        }
        store.put("abcd2345.mp4", new ByteArrayInputStream(VIDEO));
        store.put("abcd2345.jpg", new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}));
        web = WebServer.start("127.0.0.1", 0, () -> null, new HealthReport(), () -> "",
                new MediaRoutes(links, store, clock));
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
        if (store instanceof S3MediaStore bucket) {
            bucket.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(local(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI local(String link) {
        return URI.create(link.replace(PUBLIC, "http://127.0.0.1:" + web.port()));
    }

    private String link() {
        return links.video("abcd2345", clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void theWholeVideoComesWithItsTypeLengthETagAndRangeSupport() throws Exception {
        HttpResponse<byte[]> response = get(link());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(VIDEO);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("1000");
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\".+\""));
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aRangeIsAnsweredWith206AndOnlyThoseBytes() throws Exception {
        HttpResponse<byte[]> first = get(link(), "Range", "bytes=0-99");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 0, 100));
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/1000");
        assertThat(first.headers().firstValue("Content-Length")).hasValue("100");

        HttpResponse<byte[]> open = get(link(), "Range", "bytes=990-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 990, 1000));
        assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 990-999/1000");

        HttpResponse<byte[]> tail = get(link(), "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 990, 1000));

        HttpResponse<byte[]> clipped = get(link(), "Range", "bytes=900-5000");
        assertThat(clipped.headers().firstValue("Content-Range")).hasValue("bytes 900-999/1000");

        HttpResponse<byte[]> past = get(link(), "Range", "bytes=1000-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */1000");

        HttpResponse<byte[]> several = get(link(), "Range", "bytes=0-1,5-6");
        assertThat(several.statusCode()).as("several ranges: the whole file").isEqualTo(200);
        assertThat(several.body()).hasSize(1000);
    }

    @Test
    void aMatchingETagAnswers304AndAStaleIfRangeGetsTheWholeFile() throws Exception {
        String etag = get(link()).headers().firstValue("ETag").orElseThrow();

        assertThat(get(link(), "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> stale = get(link(), "Range", "bytes=0-9", "If-Range", "\"old\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).hasSize(1000);
        assertThat(get(link(), "Range", "bytes=0-9", "If-Range", etag).statusCode()).isEqualTo(206);
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(local(link()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("1000");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void thePosterIsServedAsAJpegWithTheSameToken() throws Exception {
        String poster = links.poster("abcd2345", clock.instant().plus(Duration.ofDays(1)));
        HttpResponse<byte[]> response = get(poster);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.body()).hasSize(4);
    }

    @Test
    void aTamperedTokenIs404AndSaysNothingAboutWhetherTheJobExists() throws Exception {
        String link = link();
        int at = link.lastIndexOf('/') + 20;
        String tampered = link.substring(0, at) + (link.charAt(at) == 'x' ? 'y' : 'x') + link.substring(at + 1);
        HttpResponse<byte[]> forExisting = get(tampered);
        HttpResponse<byte[]> forMissing = get(tampered.replace("/abcd2345/", "/zzzz9999/"));
        HttpResponse<byte[]> validButGone = get(links.video("zzzz9999", clock.instant().plusSeconds(60)));
        HttpResponse<byte[]> nonsense = get(link.replace(".mp4", ".exe"));

        for (HttpResponse<byte[]> response : List.of(forExisting, forMissing, validButGone, nonsense)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(new String(response.body())).isEqualTo(MediaRoutes.NOT_FOUND);
            assertThat(response.headers().firstValue("ETag")).isEmpty();
        }
    }

    @Test
    void anExpiredLinkIs410WhetherOrNotTheVideoIsStillKept() throws Exception {
        String link = link();
        String gone = links.video("zzzz9999", clock.instant().plus(Duration.ofDays(30)));
        clock.advance(Duration.ofDays(31));

        HttpResponse<byte[]> kept = get(link);
        HttpResponse<byte[]> notKept = get(gone);
        assertThat(kept.statusCode()).isEqualTo(410);
        assertThat(notKept.statusCode()).isEqualTo(410);
        assertThat(kept.body()).isEqualTo(notKept.body());
    }

    @Test
    void aBucketOutOfReachIs503ToRetryNeverA404() throws Exception {
        Assumptions.assumeTrue(storage.equals("s3"), "only a bucket can be out of reach");
        s3.close();
        s3 = null;

        HttpResponse<byte[]> response = get(link(), "Range", "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new String(response.body())).isEqualTo(MediaRoutes.UNAVAILABLE);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    private static byte[] video(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
