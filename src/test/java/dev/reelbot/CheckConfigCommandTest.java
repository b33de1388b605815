package dev.reelbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.testing.LocalS3;
import dev.reelbot.testing.TestFfmpeg;
import dev.reelbot.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int check(Path file, Map<String, String> env) {
        return CheckConfigCommand.check(file, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validConfigPrintsWhatIsEnabledWithSecretsMasked() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "video-api:\n  base-url: https://gw.example.com/v1\ndiscord:\n  enabled: true\n"
                + "  admin-channel: \"123456789012345678\"\n");
        Map<String, String> env = Map.of("VIDEO_API_KEY", "sk-secret-value-123456", "DISCORD_TOKEN",
                "discord-token-value-abcdef");

        int code = check(file, env);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed).contains(file + ": valid")
                .contains("video API: https://gw.example.com/v1 (key ****3456)")
                .contains("models (first is the default): sora-2 [[4, 8, 12] s, 720x1280/1280x720, no price]")
                .contains("capacity: no limit on jobs in flight").contains("billing: USD; budgets: none")
                .contains("usage export: GET /admin/usage.csv off (ADMIN_API_TOKEN not set)")
                .contains("slack: disabled")
                .contains("discord: enabled").contains("token ****cdef").contains("1 gateway shard (all held here)")
                .contains("console: disabled")
                .doesNotContain("sk-secret-value").doesNotContain("discord-token-value");
    }

    @Test
    void invalidConfigListsEveryProblemAndExitsOne() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "video-api:\n  base-url: nope\nserver:\n  port: -1\n");

        int code = check(file, Map.of());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is invalid").contains("3 configuration problems")
                .contains("video-api.base-url").contains("server.port").contains("VIDEO_API_KEY");
    }

    @Test
    void withoutAFileTheEnvironmentAloneIsACompleteConfiguration() {
        int code = check(null, Map.of("VIDEO_API_KEY", "sk-secret-value-123456", "REELBOT_VIDEO_API_BASE_URL",
                "https://gw.example.com/v1", "REELBOT_CONSOLE_ENABLED", "true", "REELBOT_SERVER_PORT", "9090"));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("the environment (no config file): valid")
                .contains("console: enabled, user you").contains("server: 0.0.0.0:9090");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void pricesBudgetsCapacityAndTheAdminTokenMaskedAndAWarningWhenABudgetMissesAnUnpricedModel() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, """
                video-api:
                  base-url: https://gw.example.com/v1
                  max-in-flight: 20
                  models:
                    - name: sora-2
                      price: 0.10/s
                    - kling-v2-1
                billing:
                  currency: eur
                budgets:
                  per-channel: 50
                  workspaces:
                    T1: 500.00
                console:
                  enabled: true
                """);
        int code = check(file, Map.of("VIDEO_API_KEY", "sk-secret-value-123456", "ADMIN_API_TOKEN",
                "admin-token-value-9876"));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sora-2 [[4, 8, 12] s, 720x1280/1280x720, 0.1/s EUR]")
                .contains("kling-v2-1 [[5, 10] s, 1280x720/720x1280/960x960, no price]")
                .contains("capacity: at most 20 jobs in flight at the video API")
                .contains("billing: EUR; budgets: 50.00 EUR a month per channel, 500.00 EUR for workspace T1")
                .contains("usage export: GET /admin/usage.csv on (ADMIN_API_TOKEN ****9876)")
                .doesNotContain("admin-token-value");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning: budgets are set, but kling-v2-1 has "
                + "no price (video-api.models[].price): their jobs count nothing against them."
                + System.lineSeparator());
    }

    @Test
    void warnsWhenRunWouldDoNothing() {
        int code = check(null, Map.of("VIDEO_API_KEY", "sk-secret-value-123456", "REELBOT_VIDEO_API_BASE_URL",
                "https://gw.example.com/v1"));

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning: run would do nothing: enable slack, "
                + "discord or console (e.g. slack.enabled: true, or REELBOT_SLACK_ENABLED=true)."
                + System.lineSeparator());
    }

    @Test
    void saysWhereVideosAreKeptHowTheyAreLinkedAndWhetherTheyAreTranscodedWithTheSecretMasked() {
        TestFfmpeg.require();
        int code = check(null, Map.of("VIDEO_API_KEY", "sk-secret-value-123456", "REELBOT_VIDEO_API_BASE_URL",
                "https://gw.example.com/v1", "REELBOT_CONSOLE_ENABLED", "true", "REELBOT_SERVER_PUBLIC_URL",
                "https://reelbot.example.com", "MEDIA_LINK_SECRET", "a-long-media-link-secret-0123456789wxyz",
                "REELBOT_MEDIA_RETENTION", "7d"));

        assertThat(code).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("media: finished videos kept in local directory "
                        + Path.of("data", "media").toAbsolutePath()).contains(" for 7d, at most 20GiB")
                .contains("video links: https://reelbot.example.com/v/{job}/{token}.mp4, each valid 30d (signed "
                        + "with MEDIA_LINK_SECRET ****wxyz)")
                .containsPattern("transcoding: on: ffmpeg \\S+ \\(.*ffmpeg\\)")
                .doesNotContain("a-long-media-link-secret");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: media.link-lifetime (30d) is longer "
                + "than media.retention (7d)");
    }

    @Test
    void withoutFfmpegTheConfigIsStillValidAndTranscodingIsOffSayingWhy() {
        int code = check(null, Map.of("VIDEO_API_KEY", "sk-secret-value-123456", "REELBOT_VIDEO_API_BASE_URL",
                "https://gw.example.com/v1", "REELBOT_CONSOLE_ENABLED", "true", "PATH", dir.toString()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("transcoding: off: ffmpeg is not installed (not "
                + "found on the PATH); install it (Debian: apt-get install ffmpeg) or set delivery.ffmpeg")
                .contains("video links: off (server.public-url is not set)");
    }

    @Test
    void aPublicUrlWithoutItsSecretIsReported() {
        int code = check(null, Map.of("VIDEO_API_KEY", "sk-secret-value-123456", "REELBOT_VIDEO_API_BASE_URL",
                "https://gw.example.com/v1", "REELBOT_CONSOLE_ENABLED", "true", "REELBOT_SERVER_PUBLIC_URL",
                "https://reelbot.example.com"));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MEDIA_LINK_SECRET").contains("not set, but "
                + "server.public-url is");
    }

    @Test
    void saysWhichStoreAndWhetherItAnswersPasswordMasked() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "video-api:\n  base-url: https://gw.example.com/v1\n");
        assertThat(check(file, Map.of("VIDEO_API_KEY", "sk-secret-value-123456"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("store: SQLite data/reelbot.db, ");

        try (TestPostgres.Schema schema = TestPostgres.schema()) {
            Map<String, String> env = new HashMap<>(Map.of("VIDEO_API_KEY", "sk-secret-value-123456",
                    "REELBOT_STORE_URL", schema.bareUrl(), "REELBOT_STORE_USER", schema.credentials().get("user")));
            env.put("STORE_PASSWORD", schema.credentials().get("password"));
            out.reset();
            assertThat(check(file, env)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("store: PostgreSQL //")
                    .contains("answers (PostgreSQL ").contains("store.lease-ttl 15s")
                    .doesNotContain("password=" + env.get("STORE_PASSWORD"));

            env.put("REELBOT_STORE_URL", "jdbc:postgresql://127.0.0.1:1/reelbot");
            out.reset();
            assertThat(check(file, env)).as("the config is valid; the database is down").isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("does not answer")
                    .contains("is PostgreSQL running");
        }
    }

    @Test
    void saysWhichMediaStoreIsInUseAndWhetherItAnswers() throws Exception {
        try (LocalS3 s3 = LocalS3.start(dir.resolve("s3"), "videos")) {
            Map<String, String> env = new HashMap<>(Map.of("VIDEO_API_KEY", "sk-secret-value-123456",
                    "REELBOT_VIDEO_API_BASE_URL", "https://gw.example.com/v1", "REELBOT_CONSOLE_ENABLED", "true",
                    "REELBOT_MEDIA_S3_BUCKET", "videos", "REELBOT_MEDIA_S3_ENDPOINT", s3.endpoint().toString(),
                    "REELBOT_MEDIA_S3_PATH_STYLE", "true", "MEDIA_S3_ACCESS_KEY_ID", LocalS3.ACCESS_KEY_ID,
                    "MEDIA_S3_SECRET_ACCESS_KEY", LocalS3.SECRET_ACCESS_KEY));

            assertThat(check(null, env)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("media: finished videos kept in S3 bucket "
                    + "s3://videos/ at " + s3.endpoint() + ", signing in with access key ****-key from "
                    + "MEDIA_S3_ACCESS_KEY_ID for 30d, at most 20GiB (the oldest go first); it answers");
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("media");

            env.put("REELBOT_VIDEO_API_MAX_DOWNLOAD_SIZE", "6GiB");
            assertThat(check(null, env)).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: video-api.max-download-size (6GiB) "
                    + "is over the 5GiB one S3 upload can hold: larger videos are delivered, but not kept");
            env.remove("REELBOT_VIDEO_API_MAX_DOWNLOAD_SIZE");

            env.put("REELBOT_MEDIA_S3_BUCKET", "missing");
            out.reset();
            assertThat(check(null, env)).as("valid, though the bucket is missing").isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("S3 bucket s3://missing/ at "
                    + s3.endpoint() + " does not answer: the bucket does not exist (create it, or fix "
                    + "media.s3.bucket)");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: S3 bucket s3://missing/");
            assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                    .doesNotContain(LocalS3.SECRET_ACCESS_KEY);
        }
    }
}
