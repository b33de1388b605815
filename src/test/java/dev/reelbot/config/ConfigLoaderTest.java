package dev.reelbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.deliver.DownloadSettings;
import dev.reelbot.core.deliver.MediaSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path EXAMPLE = Path.of("config/reelbot.example.yaml");
    private static final Map<String, String> KEY = Map.of("VIDEO_API_KEY", "sk-abcdefghijklmnop1234");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("reelbot.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The problems loading {@code file} with {@code env} reports; fails when it loads. */
    static ConfigException problems(Path file, Map<String, String> env) {
        try {
            ConfigLoader.load(file, env, true);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the config to be invalid");
    }

    @Test
    void theExampleFileIsValidAndDocumentsEveryKey() throws Exception {
        Set<String> keysRead = new TreeSet<>();
        ReelbotConfig config = ConfigLoader.loadTracked(EXAMPLE, KEY, true, keysRead);

        assertThat(config.videoApi().models().names())
                .containsExactly("sora-2", "sora-2-pro", "kling-v2-1", "jimeng-video-3.0");
        String example = Files.readString(EXAMPLE);
        for (String key : keysRead) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertThat(example).as("the example documents " + key).containsPattern("(?m)^\\s*-?\\s*" + leaf + ":");
        }
        assertThat(keysRead).contains("video-api.base-url", "video-api.models[].time-limit", "slack.mode",
                "discord.gateway-url", "server.port");
    }

    @Test
    void withoutAFileEverythingHasADefault() throws Exception {
        ReelbotConfig config = ConfigLoader.load(null, Map.of(), false);

        assertThat(config.source()).isEqualTo(ConfigLoader.NO_FILE);
        assertThat(config.videoApi().models().defaultModel().name()).isEqualTo("sora-2");
        assertThat(config.videoApi().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.videoApi().maxDownloadBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(config.slack().enabled()).isFalse();
        assertThat(config.slack().mode()).isEqualTo(SlackConfig.Mode.SOCKET);
        assertThat(config.slack().command()).isEqualTo("/video");
        assertThat(config.discord().gatewayUrl()).isEqualTo("wss://gateway.discord.gg");
        assertThat(config.serverPort()).isEqualTo(8080);
    }

    @Test
    void environmentOverridesTheFile() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\n  get-attempts: 2\nserver:\n  port: 9000\n");
        Map<String, String> env = new HashMap<>(KEY);
        env.put("REELBOT_VIDEO_API_BASE_URL", "https://b.example.com/v1");
        env.put("REELBOT_SERVER_PORT", "9100");
        env.put("REELBOT_VIDEO_API_MODELS", "kling-v2-1, sora-2");

        ReelbotConfig config = ConfigLoader.load(file, env, true);

        assertThat(config.videoApi().baseUrl()).isEqualTo("https://b.example.com/v1");
        assertThat(config.serverPort()).isEqualTo(9100);
        assertThat(config.videoApi().getAttempts()).isEqualTo(2);
        assertThat(config.videoApi().models().names()).containsExactly("kling-v2-1", "sora-2");
        assertThat(config.videoApi().apiKey().orElseThrow().reveal()).isEqualTo("sk-abcdefghijklmnop1234");
    }

    @Test
    void everyProblemIsReportedAtOnceWithFileAndKey() throws Exception {
        Path file = write("""
                video-api:
                  base-url: not a url
                  request-timeout: 10
                  get-attempts: 99
                  max-download-size: lots
                slack:
                  enabled: maybe
                  mode: carrier-pigeon
                  command: video
                server:
                  port: 70000
                """);

        ConfigException e = problems(file, KEY);

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder(
                "video-api.base-url", "video-api.request-timeout", "video-api.get-attempts",
                "video-api.max-download-size", "slack.enabled", "slack.mode", "slack.command", "server.port");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo(file.toString()));
        assertThat(e.getMessage()).contains("8 configuration problems")
                .contains("video-api.request-timeout: '10' is not a duration; write it like 500ms, 10s")
                .contains("video-api.get-attempts: 99 is outside 1..10")
                .contains("slack.mode: 'carrier-pigeon' is not socket or http");
    }

    @Test
    void aBadEnvironmentOverrideNamesTheVariable() {
        Map<String, String> env = new HashMap<>(KEY);
        env.put("REELBOT_VIDEO_API_BASE_URL", "https://ok.example.com");
        env.put("REELBOT_SERVER_PORT", "eighty");

        ConfigException e = problems(null, env);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("environment variable REELBOT_SERVER_PORT");
            assertThat(p.message()).contains("'eighty' is not a whole number");
        });
    }

    @Test
    void statusWordsTheGatewaySendsMapToWhatTheyMean() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\n  status-words:\n"
                + "    completed: [已完成, all_done]\n    failed: [失败]\n");

        assertThat(ConfigLoader.load(file, KEY, true).videoApi().statusWords()).containsEntry("已完成",
                TaskPhase.COMPLETED).containsEntry("all_done", TaskPhase.COMPLETED).containsEntry("失败",
                TaskPhase.FAILED);
        Path wrong = write("video-api:\n  base-url: https://a.example.com\n  status-words:\n    finished: [x]\n");
        assertThat(problems(wrong, KEY).getMessage())
                .contains("video-api.status-words.finished: is not queued, running, completed or failed");
    }

    @Test
    void unknownKeysAreReportedWithASuggestion() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\n  bse-url: x\nslak:\n  enabled: true\n");

        ConfigException e = problems(file, KEY);

        assertThat(e.getMessage()).contains("video-api.bse-url: unknown key; did you mean 'base-url'?")
                .contains("slak: unknown key; did you mean 'slack'?");
    }

    @Test
    void aSecretInTheFileIsRefused() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\n  api-key: sk-oops\n"
                + "discord:\n  token: abc\n");

        ConfigException e = problems(file, KEY);

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder("video-api.api-key",
                "discord.token");
        assertThat(e.getMessage()).contains("secrets are never read from the file").doesNotContain("sk-oops");
    }

    @Test
    void missingSecretsAreNamedForWhatNeedsThem() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\nslack:\n  enabled: true\n  mode: http\n"
                + "  admin-channel: C0ADMIN\ndiscord:\n  enabled: true\n  admin-channel: \"123456789012345678\"\n");

        ConfigException e = problems(file, Map.of());

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder("VIDEO_API_KEY",
                "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN");
        assertThat(e.getMessage()).contains("not set, but Slack runs in HTTP mode; export SLACK_SIGNING_SECRET");
    }

    @Test
    void socketModeNeedsTheAppToken() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\nslack:\n  enabled: true\n"
                + "  admin-channel: C0ADMIN\n");
        Map<String, String> env = new HashMap<>(KEY);
        env.put("SLACK_BOT_TOKEN", "xoxb-1");

        assertThat(problems(file, env).problems()).extracting(Problem::key).containsExactly("SLACK_APP_TOKEN");
    }

    @Test
    void baseUrlIsNeededOnlyWhenTheRealApiIs() throws Exception {
        assertThat(problems(null, KEY).problems()).extracting(Problem::key).containsExactly("video-api.base-url");
        assertThat(ConfigLoader.load(null, Map.of(), false).videoApi().baseUrl()).isEmpty();
    }

    @Test
    void yamlSyntaxErrorsSayWhere() throws Exception {
        Path file = write("video-api:\n  base-url: [unclosed\nserver:\n  port: 1\n");

        ConfigException e = problems(file, KEY);

        assertThat(e.getMessage()).contains("is not valid YAML at line");
    }

    @Test
    void duplicateKeysAreAnError() throws Exception {
        Path file = write("server:\n  port: 1\n  port: 2\n");

        assertThat(problems(file, KEY).getMessage()).contains("Duplicate field 'port'");
    }

    @Test
    void aMissingFileSaysHowToStartOne() {
        ConfigException e = problems(dir.resolve("nope.yaml"), KEY);

        assertThat(e.getMessage()).contains("not found; copy config/reelbot.example.yaml");
    }

    @Test
    void unknownEnvironmentOverridesAreReported() {
        Map<String, String> env = new HashMap<>(KEY);
        env.put("REELBOT_VIDEO_API_BASE_URL", "https://a.example.com");
        env.put("REELBOT_SLACK_ENABLE", "true");

        ConfigException e = problems(null, env);

        assertThat(e.problems()).extracting(Problem::key).containsExactly("REELBOT_SLACK_ENABLE");
    }

    @Test
    void modelsCanOverrideTheirDefaults() throws Exception {
        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                  models:
                    - name: kling-v2-1-master
                      durations: [10, 5]
                      sizes: [1920x1080]
                      time-limit: 45m
                    - sora-2
                """);

        ReelbotConfig config = ConfigLoader.load(file, KEY, true);

        ModelSpec kling = config.videoApi().models().defaultModel();
        assertThat(kling.name()).isEqualTo("kling-v2-1-master");
        assertThat(kling.defaultDuration()).isEqualTo(10);
        assertThat(kling.sizes()).containsExactly("1920x1080");
        assertThat(kling.timeLimit()).isEqualTo(Duration.ofMinutes(45));
        assertThat(kling.durationField()).isEqualTo(ModelSpec.DurationField.DURATION);
        assertThat(config.videoApi().models().find("sora-2")).isPresent();
    }

    @Test
    void badModelEntriesAreReported() throws Exception {
        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                  models:
                    - name: ok-model
                      durations: [five]
                      sizes: [big]
                      duration-field: minutes
                      colour: red
                    - durations: [5]
                    - sora-2
                    - sora-2
                """);

        ConfigException e = problems(file, KEY);

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder(
                "video-api.models[0].durations", "video-api.models[0].sizes", "video-api.models[0].duration-field",
                "video-api.models[0].colour", "video-api.models[1].name", "video-api.models");
        assertThat(e.getMessage()).contains("model sora-2 is listed twice");
    }

    @Test
    void anEmptyModelListIsAnError() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\n  models: []\n");

        assertThat(problems(file, KEY).getMessage()).contains("list at least one model");
    }

    @Test
    void engineSectionsAreRead() throws Exception {
        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                limits:
                  max-prompt-length: 500
                  channel-models:
                    C_KLING: [kling-v2-1]
                quotas:
                  concurrent-jobs-per-user: 1
                poller:
                  min-interval: 1s
                  workers: 4
                messages:
                  edit-interval: 5s
                  admin-locale: zh-CN
                delivery:
                  video-dir: /var/lib/reelbot/videos
                store:
                  path: /var/lib/reelbot/jobs.db
                admins:
                  slack: [U1, U2]
                  console: [you]
                """);

        ReelbotConfig config = ConfigLoader.load(file, KEY, true);

        assertThat(config.limits().maxPromptLength()).isEqualTo(500);
        assertThat(config.limits().modelsFor("C_KLING", config.videoApi().models())).containsExactly("kling-v2-1");
        assertThat(config.quotas().concurrentPerUser()).isEqualTo(1);
        assertThat(config.quotas().perUserPerDay()).isEqualTo(25);
        assertThat(config.engine().minPollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.engine().workers()).isEqualTo(4);
        assertThat(config.engine().editInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.engine().adminLocale()).isEqualTo("zh-CN");
        assertThat(config.engine().videoDir()).isEqualTo(Path.of("/var/lib/reelbot/videos"));
        assertThat(config.store().path()).isEqualTo(Path.of("/var/lib/reelbot/jobs.db"));
        assertThat(config.admins().users()).containsExactlyInAnyOrder("slack:U1", "slack:U2", "console:you");
    }

    @Test
    void downloadsHaveTheirOwnThreadsDeadlineAndMinimumRate() throws Exception {
        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                delivery:
                  download-workers: 2
                  download-timeout: 3m
                """);
        Map<String, String> env = new HashMap<>(KEY);
        env.put("REELBOT_DELIVERY_MIN_RATE", "1MiB/s");

        DownloadSettings downloads = ConfigLoader.load(file, env, true).engine().downloads();

        assertThat(downloads).isEqualTo(new DownloadSettings(2, Duration.ofMinutes(3), 1024 * 1024));
        assertThat(ConfigLoader.load(null, KEY, false).engine().downloads()).isEqualTo(DownloadSettings.DEFAULTS);
    }

    @Test
    void mediaLinksAndTranscodingAreReadWithTheirDefaults() throws Exception {
        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                delivery:
                  transcode: "off"
                  ffmpeg: /opt/ffmpeg/bin/ffmpeg
                  transcode-workers: 2
                  transcode-timeout: 90s
                server:
                  public-url: https://reelbot.example.com/
                media:
                  dir: /var/lib/reelbot/media
                  retention: 7d
                  max-total-size: 5GiB
                  link-lifetime: 2d
                """);
        Map<String, String> env = new HashMap<>(KEY);
        env.put("MEDIA_LINK_SECRET", "s".repeat(40));

        ReelbotConfig config = ConfigLoader.load(file, env, true);

        assertThat(config.engine().media()).isEqualTo(new MediaSettings(false, 2, Duration.ofDays(2)));
        MediaConfig media = config.media();
        assertThat(media.publicUrl()).hasValue("https://reelbot.example.com");
        assertThat(media.linkSecret()).isPresent();
        assertThat(media.ffmpeg()).isEqualTo("/opt/ffmpeg/bin/ffmpeg");
        assertThat(media.transcodeTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(media.dir()).isEqualTo(Path.of("/var/lib/reelbot/media"));
        assertThat(media.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(media.maxTotalBytes()).isEqualTo(5L << 30);

        ReelbotConfig defaults = ConfigLoader.load(null, KEY, false);
        assertThat(defaults.engine().media()).isEqualTo(MediaSettings.DEFAULTS);
        assertThat(defaults.media().publicUrl()).isEmpty();
        assertThat(defaults.media().dir()).isEqualTo(Path.of("data", "media"));
        assertThat(defaults.media().maxTotalBytes()).isEqualTo(20L << 30);
        assertThat(defaults.media().retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aPublicUrlNeedsALongLinkSecretAndHttpsAwayFromThisMachine() throws Exception {
        Path file = write("video-api:\n  base-url: https://a.example.com\nserver:\n"
                + "  public-url: https://r.example.com\n");
        ConfigException missing = problems(file, KEY);
        assertThat(missing.problems()).extracting(Problem::key).containsExactly("MEDIA_LINK_SECRET");
        assertThat(missing.getMessage()).contains("server.public-url", "openssl rand");

        Map<String, String> weak = new HashMap<>(KEY);
        weak.put("MEDIA_LINK_SECRET", "short-secret");
        assertThat(problems(file, weak).getMessage()).contains("shorter than 32 characters")
                .doesNotContain("short-secret");

        Map<String, String> env = new HashMap<>(KEY);
        env.put("MEDIA_LINK_SECRET", "s".repeat(40));
        env.put("REELBOT_VIDEO_API_BASE_URL", "https://a.example.com");
        env.put("REELBOT_SERVER_PUBLIC_URL", "http://reelbot.example.com");
        env.put("REELBOT_DELIVERY_TRANSCODE", "sometimes");
        ConfigException bad = problems(null, env);
        assertThat(bad.problems()).extracting(Problem::key).containsExactlyInAnyOrder("server.public-url",
                "delivery.transcode");
        env.put("REELBOT_SERVER_PUBLIC_URL", "http://127.0.0.1:8080");
        env.put("REELBOT_DELIVERY_TRANSCODE", "auto");
        assertThat(ConfigLoader.load(null, env, false).media().publicUrl()).hasValue("http://127.0.0.1:8080");
    }

    @Test
    void theOldDownloadTimeoutKeySaysWhereItMovedAndABadRateIsReported() throws Exception {
        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                  download-timeout: 5m
                delivery:
                  min-rate: fast
                """);

        ConfigException e = problems(file, KEY);

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder("video-api.download-timeout",
                "delivery.min-rate");
        assertThat(e.getMessage()).contains("moved: set delivery.download-timeout", "write it like 64KiB/s");
    }

    @Test
    void engineSectionProblemsAreReported() throws Exception {
        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                limits:
                  allowed-models: [sora-9]
                  channel-models:
                    C1: [veo]
                poller:
                  min-interval: 1m
                  max-interval: 10s
                  jitter: 2
                messages:
                  admin-locale: klingon
                """);

        ConfigException e = problems(file, KEY);

        assertThat(e.problems()).extracting(Problem::key).containsExactlyInAnyOrder("limits.allowed-models",
                "limits.channel-models.C1", "poller.max-interval", "poller.jitter", "messages.admin-locale");
        assertThat(e.getMessage()).contains("must be one of en, zh-CN, es");
        assertThat(e.getMessage()).contains("'sora-9' is not one of video-api.models");
    }

    @Test
    void slackNeedsAnAdminChannelAndReadsItsLimits() throws Exception {
        Map<String, String> env = new HashMap<>(KEY);
        env.put("SLACK_BOT_TOKEN", "xoxb-1");
        env.put("SLACK_APP_TOKEN", "xapp-1");
        Path missing = write("video-api:\n  base-url: https://a.example.com\nslack:\n  enabled: true\n");
        assertThat(problems(missing, env).getMessage()).contains("slack.admin-channel: not set, but Slack is "
                + "enabled");

        Path file = write("video-api:\n  base-url: https://a.example.com\nslack:\n  enabled: true\n"
                + "  admin-channel: C0ADMIN\n  max-upload-size: 20MiB\n  updates-per-minute: 30\n"
                + "  upload-in-thread: true\n");
        SlackConfig slack = ConfigLoader.load(file, env, true).slack();
        assertThat(slack.adminChannel()).isEqualTo("C0ADMIN");
        assertThat(slack.maxUploadBytes()).isEqualTo(20L << 20);
        assertThat(slack.updatesPerMinute()).isEqualTo(30);
        assertThat(slack.uploadInThread()).isTrue();
    }

    @Test
    void discordNeedsAnAdminChannelAndReadsItsSettings() throws Exception {
        Map<String, String> env = new HashMap<>(KEY);
        env.put("DISCORD_TOKEN", "token-1");
        Path missing = write("video-api:\n  base-url: https://a.example.com\ndiscord:\n  enabled: true\n"
                + "  admin-roles: [not-an-id]\n");
        assertThat(problems(missing, env).problems()).extracting(Problem::key)
                .containsExactlyInAnyOrder("discord.admin-channel", "discord.admin-roles");

        Path file = write("""
                video-api:
                  base-url: https://a.example.com
                discord:
                  enabled: true
                  admin-channel: "555555555555555555"
                  admin-roles: ["777777777777777777"]
                  command-guilds: ["333333333333333333"]
                  default-upload-limit: 25MiB
                  request-timeout: 10s
                """);
        DiscordConfig discord = ConfigLoader.load(file, env, true).discord();
        assertThat(discord.adminChannel()).isEqualTo("555555555555555555");
        assertThat(discord.adminRoles()).containsExactly("777777777777777777");
        assertThat(discord.commandGuilds()).containsExactly("333333333333333333");
        assertThat(discord.defaultUploadLimit()).isEqualTo(25L << 20);
        assertThat(discord.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
