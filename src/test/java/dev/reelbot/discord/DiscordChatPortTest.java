package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.ChatException;
import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoFile;
import dev.reelbot.core.text.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the port reads Discord's refusals, through the real JDA against the fake: what the engine is told. */
class DiscordChatPortTest extends WithDiscord {
    private static final PostKey KEY = new PostKey("job12345-ab", false);
    private static final PostKey VIDEO_KEY = new PostKey("video-abcd2345", false);
    private static final Conversation CHANNEL = new Conversation("discord", Interactions.GUILD,
            Interactions.CHANNEL);

    DiscordChatPort port;

    @BeforeEach
    void takePort() {
        port = h.client.port();
    }

    private static JobView view(String status) {
        return new JobView("abcd2345", "🎬 Generating", "a cat", Interactions.ALICE, "sora-2 · 4 s · 720x1280",
                status, null, "3s", null, false, List.of());
    }

    private VideoFile video() throws Exception {
        Path file = Files.write(dir.resolve("v.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        return new VideoFile(file, Files.size(file), "reelbot-abcd2345.mp4", "a cat");
    }

    private static ChatException.Kind kindOf(ThrowingCall call) {
        try {
            call.run();
        } catch (ChatException e) {
            return e.kind();
        } catch (Exception e) {
            throw new AssertionError("the call failed with something else than a ChatException", e);
        }
        throw new AssertionError("the call did not fail");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aChannelTheBotCannotSeeSendsTheProgressToTheRequestersDms() throws Exception {
        h.discord.forbid(Interactions.CHANNEL);

        MessageRef ref = port.post(CHANNEL, view("Queued"), KEY);
        port.edit(ref, view("Generating"));

        assertThat(ref.channel()).isEqualTo(h.discord.dmChannelOf(Interactions.ALICE));
        assertThat(DiscordHarness.embedText(h.discord.message(ref.messageId()))).contains("Generating");
        assertThat(port.canPostIn(CHANNEL)).as("the next job says at once it goes to the DMs").isFalse();
    }

    @Test
    void whenTheDmsAreClosedTooThePostIsNoAccess() {
        h.discord.forbid(Interactions.CHANNEL);
        h.discord.closeDms(Interactions.ALICE);

        assertThat(kindOf(() -> port.post(CHANNEL, view("Queued"), KEY))).isEqualTo(ChatException.Kind.NO_ACCESS);
    }

    @Test
    void aNoticeTheAdminChannelRefusesIsNoAccessWithoutADm() {
        h.discord.forbid(Interactions.ADMIN_CHANNEL);
        NoticeView notice = new NoticeView("abcd2345", "💸 Refund needed", List.of(), false, false);

        assertThat(kindOf(() -> port.post(port.adminRoom(new Requester("discord", Interactions.GUILD,
                Interactions.CHANNEL, Interactions.ALICE, "alice")), notice, KEY)))
                .isEqualTo(ChatException.Kind.NO_ACCESS);
        assertThat(h.discord.dmChannelOf(Interactions.ALICE)).isNull();
    }

    @Test
    void aMessageInAChannelTheBotLostCountsAsGone() throws Exception {
        MessageRef ref = port.post(CHANNEL, view("Queued"), KEY);
        h.discord.forbid(Interactions.CHANNEL);

        assertThat(kindOf(() -> port.edit(ref, view("Generating")))).isEqualTo(ChatException.Kind.MESSAGE_GONE);
    }

    @Test
    void aRateLimitIsPassedOnWithDiscordsRetryAfter() throws Exception {
        MessageRef ref = port.post(CHANNEL, view("Queued"), KEY);
        h.discord.failNext("PATCH", "channels/.*", 429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":7.5,\"global\":false}", "7.5");

        assertThatThrownBy(() -> port.edit(ref, view("Generating"))).isInstanceOfSatisfying(ChatException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ChatException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofMillis(7500));
                });
    }

    @Test
    void aServerErrorIsTransient() throws Exception {
        MessageRef ref = port.post(CHANNEL, view("Queued"), KEY);
        h.discord.failNext("PATCH", "channels/.*", 500, "{\"message\":\"500: Internal Server Error\",\"code\":0}",
                null);

        assertThat(kindOf(() -> port.edit(ref, view("Generating")))).isEqualTo(ChatException.Kind.TRANSIENT);
    }

    @Test
    void anUploadDiscordRefusesAsTooLargeIsToBeFittedSmallerAndOneForbiddenIsRefusedSoTheEngineLinks()
            throws Exception {
        MessageRef ref = port.post(CHANNEL, view("Queued"), KEY);
        long before = port.uploadLimit(ref);
        h.discord.failNext("POST", "channels/.*", 413, "{\"message\":\"Request entity too large\",\"code\":40005}",
                null);
        assertThat(kindOf(() -> port.upload(ref, video(), VIDEO_KEY))).isEqualTo(ChatException.Kind.TOO_LARGE);
        assertThat(port.uploadLimit(ref)).as("the channel's limit is now under the refused file")
                .isLessThan(Math.min(before, video().bytes()));
        h.discord.failNext("POST", "channels/.*", 403, "{\"message\":\"Missing Permissions\",\"code\":50013}",
                null);
        assertThat(kindOf(() -> port.upload(ref, video(), VIDEO_KEY))).isEqualTo(ChatException.Kind.REFUSED);
        h.discord.failNext("POST", "channels/.*", 404, "{\"message\":\"Unknown Channel\",\"code\":10003}", null);
        assertThat(kindOf(() -> port.upload(ref, video(), VIDEO_KEY))).isEqualTo(ChatException.Kind.MESSAGE_GONE);

        assertThat(Texts.ENGLISH.get(port.upload(ref, video(), VIDEO_KEY))).contains("reelbot-abcd2345.mp4");
    }

    @Test
    void aRetriedUploadCarriesTheSameNonceAndDiscordReturnsTheFirst() throws Exception {
        MessageRef ref = port.post(CHANNEL, view("Queued"), KEY);
        port.upload(ref, video(), VIDEO_KEY);
        port.upload(ref, video(), new PostKey(VIDEO_KEY.value(), true));

        List<FakeDiscord.Call> uploads = h.discord.calls("POST", "channels/.*/messages").stream()
                .filter(c -> !c.fileNames().isEmpty()).toList();
        assertThat(uploads).hasSize(2).allSatisfy(c -> assertThat(c.body().path("nonce").asText())
                .isEqualTo(VIDEO_KEY.value()));
        assertThat(h.discord.messagesIn(CHANNEL.channel())).as("the progress message and one video").hasSize(2);
    }

    @Test
    void theUploadLimitFollowsDiscordThenTheBoostTierThenTheDefault() {
        h.discord.guildTier(Interactions.GUILD, "999000000000000001", 3);
        h.video(Interactions.ALICE, "a cat");

        assertThat(port.uploadLimit(new MessageRef("discord", Interactions.CHANNEL, "1")))
                .as("said by the interaction").isEqualTo(10L << 20);
        assertThat(port.uploadLimit(new MessageRef("discord", "999000000000000001", "1")))
                .as("a tier 3 guild").isEqualTo(100L << 20);
        assertThat(port.uploadLimit(new MessageRef("discord", "999000000000000002", "1")))
                .as("unknown: the default").isEqualTo(10L << 20);
    }

    @Test
    void aRetriedPostWithTheSameKeyIsDeduplicatedByDiscordsNonce() throws Exception {
        MessageRef first = port.post(CHANNEL, view("Queued"), KEY);
        MessageRef again = port.post(CHANNEL, view("Queued"), new PostKey(KEY.value(), true));

        assertThat(again).isEqualTo(first);
        assertThat(h.discord.calls("POST", "channels/\\d+/messages")).allSatisfy(c -> {
            assertThat(c.body().path("nonce").asText()).isEqualTo(KEY.value());
            assertThat(c.body().path("enforce_nonce").asBoolean()).isTrue();
        });
    }
}
