package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelbot.core.Secret;
import dev.reelbot.core.deliver.MediaParts;
import dev.reelbot.core.deliver.MediaSettings;
import dev.reelbot.core.engine.EngineSettings;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.RefundState;
import dev.reelbot.discord.FakeDiscord.Call;
import dev.reelbot.media.FfmpegTranscoder;
import dev.reelbot.media.LocalMediaStore;
import dev.reelbot.testing.TestFfmpeg;
import dev.reelbot.web.HealthReport;
import dev.reelbot.web.MediaRoutes;
import dev.reelbot.web.SignedLinks;
import dev.reelbot.web.WebServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every billed video reaches its Discord channel, end to end with real ffmpeg: a Sora-style {@code [big]} video
 * (over the 10 MiB limit, no public result link) is uploaded fitted under the limit with a working link to the
 * original the bot serves itself; with transcoding off it is linked, and the link outlives the API's own expiry.
 * Skipped, saying how to run them, where ffmpeg is missing.
 */
class DiscordMediaTest {
    private static final long LIMIT = 10L * 1024 * 1024;
    /** The public root links are made with: requests go to the bot's port, as through a proxy. */
    private static final String PUBLIC = "https://reelbot.example.com";
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private DiscordHarness h;
    private LocalMediaStore store;
    private SignedLinks links;
    private WebServer web;

    private void start(MediaSettings settings) throws InterruptedException {
        FfmpegTranscoder ffmpeg = new FfmpegTranscoder(TestFfmpeg.require(), Duration.ofMinutes(2));
        store = LocalMediaStore.open(dir.resolve("media"));
        links = new SignedLinks(PUBLIC, Secret.of("a-media-link-secret-for-tests-0123456789"));
        h = new DiscordHarness(dir, s -> s, EngineSettings.defaults(dir.resolve("videos")).withMedia(settings),
                new MediaParts(Optional.of(store), Optional.of(ffmpeg), Optional.of(links)));
        web = WebServer.start("127.0.0.1", 0, () -> null, new HealthReport(), () -> "",
                new MediaRoutes(links, store, h.clock));
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
        if (h != null) {
            h.close();
        }
    }

    private HttpResponse<byte[]> get(String link, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(link.replace(PUBLIC, "http://127.0.0.1:"
                + web.port()))).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Job runSoraBigJob() {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "a storm at sea [big]"));
        h.runUntilSettled();
        Job job = h.job(jobId);
        assertThat(job.request().model()).startsWith("sora");
        assertThat(job.task().videoUrl()).as("Sora-style: no metadata.url").isNull();
        return job;
    }

    @Test
    void aSoraBigJobIsUploadedFittedUnderTheLimitWithAWorkingLinkToTheOriginalAndNoRefundNotice() throws Exception {
        start(MediaSettings.DEFAULTS);

        Job job = runSoraBigJob();

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.TRANSCODED);
        Call upload = h.channelPosts().stream().filter(c -> !c.fileNames().isEmpty()).findFirst().orElseThrow();
        assertThat(upload.fileBytes()).isLessThanOrEqualTo(LIMIT);
        Path uploaded = Files.write(dir.resolve("uploaded.mp4"), upload.file());
        Path original = dir.resolve("media").resolve(job.id() + ".mp4");
        assertThat(Files.size(original)).as("the original was over the limit").isGreaterThan(LIMIT);
        JsonNode probe = TestFfmpeg.probe(uploaded);
        assertThat(TestFfmpeg.videoCodec(probe)).isEqualTo("h264");
        assertThat(TestFfmpeg.seconds(probe)).as("the clip's duration")
                .isCloseTo(TestFfmpeg.seconds(TestFfmpeg.probe(original)), within(0.25));

        String link = job.delivery().link().url();
        assertThat(link).startsWith(PUBLIC + "/v/" + job.id() + "/").endsWith(".mp4");
        HttpResponse<byte[]> range = get(link, "Range", "bytes=0-99");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Type")).hasValue("video/mp4");
        try (InputStream in = Files.newInputStream(original)) {
            assertThat(range.body()).isEqualTo(in.readNBytes(100));
        }
        JsonNode message = h.discord.message(job.message().ref().messageId());
        assertThat(DiscordHarness.embedText(message)).contains("✅ Video ready").contains("compressed to fit")
                .contains("Full quality");
        assertThat(h.discord.calls("POST", "channels/" + Interactions.ADMIN_CHANNEL + "/messages")).isEmpty();
        assertThat(job.refund().state()).isEqualTo(RefundState.NONE);
    }

    @Test
    void withTranscodingOffTheSameJobIsLinkedAndTheLinkOutlivesTheApisExpiry() throws Exception {
        start(new MediaSettings(false, 1, Duration.ofDays(30)));

        Job job = runSoraBigJob();

        assertThat(job.delivery().state()).isEqualTo(DeliveryState.LINKED);
        assertThat(h.channelPosts()).allSatisfy(c -> assertThat(c.fileNames()).isEmpty());
        String link = job.delivery().link().url();
        JsonNode message = h.discord.message(job.message().ref().messageId());
        assertThat(message.path("content").asText()).as("a raw link plays inline").endsWith(" " + link);
        assertThat(message.path("embeds").get(0).path("image").path("url").asText()).as("the poster frame")
                .startsWith(PUBLIC + "/v/" + job.id() + "/").endsWith(".jpg");

        h.clock.advance(Duration.ofHours(3));
        assertThat(h.clock.instant()).as("past the API's own expiry").isAfter(job.task().expiresAt());
        HttpResponse<byte[]> later = get(link);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body().length).isGreaterThan((int) LIMIT);
        int at = link.lastIndexOf('/') + 12;
        String tampered = link.substring(0, at) + (link.charAt(at) == 'A' ? 'B' : 'A') + link.substring(at + 1);
        assertThat(get(tampered).statusCode()).isEqualTo(404);
        assertThat(get(job.delivery().poster()).statusCode()).isEqualTo(200);
        assertThat(h.discord.calls("POST", "channels/" + Interactions.ADMIN_CHANNEL + "/messages")).isEmpty();
    }

    @Test
    void anUploadDiscordRefusesWith413UnderTheLimitItAnnouncedIsFittedSmallerAndUploaded() throws Exception {
        start(MediaSettings.DEFAULTS);
        h.discord.guildTier(Interactions.GUILD, Interactions.CHANNEL, 2);
        ObjectNode interaction = Interactions.slash(Instant.now(), Interactions.ALICE, List.of(),
                DiscordCommands.VIDEO, null, List.of(Interactions.Option.string("prompt", "a storm at sea [big]")));
        interaction.remove("attachment_size_limit");
        String jobId = DiscordHarness.jobIdIn(h.interact(interaction));
        h.tick();
        assertThat(h.job(jobId).message().ref()).as("the progress message is up").isNotNull();
        // The next post in the channel is the upload: Discord refuses it below the 50 MiB its tier allows.
        h.discord.failNext("POST", "channels/\\d+/messages", 413, "{\"code\":40005,\"message\":\"Request entity "
                + "too large\"}", null);

        h.runUntilSettled();

        Job job = h.job(jobId);
        assertThat(job.delivery().state()).isEqualTo(DeliveryState.TRANSCODED);
        long original = Files.size(dir.resolve("media").resolve(job.id() + ".mp4"));
        List<Call> uploads = h.channelPosts().stream().filter(c -> !c.fileNames().isEmpty()).toList();
        assertThat(uploads).hasSize(2);
        assertThat(uploads.get(0).fileBytes()).as("the original, refused with 413").isEqualTo(original);
        assertThat(uploads.get(1).fileBytes()).as("fitted under three quarters of it").isLessThan(original * 3 / 4);
        assertThat(h.discord.calls("POST", "channels/" + Interactions.ADMIN_CHANNEL + "/messages")).isEmpty();
    }
}
