package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.Secret;
import dev.reelbot.discord.DiscordFailure.Kind;
import dev.reelbot.testing.MutableClock;
import java.time.Duration;
import java.util.OptionalInt;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DiscordRest} alone against the fake Discord, with no gateway session anywhere (what an instance that does
 * not hold the gateway has): every call the chat port makes, Discord's error bodies sorted into the same kinds as
 * before, and 429s passed on with Discord's delay, the bucket then left alone until it is over.
 */
class DiscordRestTest {
    private static final String CHANNEL = "700000000000000001";
    private static final String OTHER = "700000000000000002";

    private final FakeDiscord discord = FakeDiscord.start();
    private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
    private final DiscordRest rest = new DiscordRest(new OkHttpClient(), discord.apiBaseUrl(),
            Secret.of(FakeDiscord.TOKEN), clock);

    @AfterEach
    void close() {
        rest.close();
        discord.close();
    }

    @Test
    void everyCallOfThePortWorksWithoutAGatewaySession() throws Exception {
        String id = rest.send(CHANNEL, DiscordMessage.text("queued"), null, "nonce-1");
        rest.edit(CHANNEL, id, MessageEditData.fromContent("running"));
        assertThat(discord.message(id).path("content").asText()).isEqualTo("running");
        assertThat(rest.send(CHANNEL, DiscordMessage.text("queued again"), null, "nonce-1"))
                .as("enforce_nonce: a retried post is the first one").isEqualTo(id);

        try (var upload = DiscordMessage.file("a cat", FileUpload.fromData(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9},
                "cat.mp4"))) {
            rest.send(CHANNEL, upload, id, "nonce-2");
        }
        FakeDiscord.Call uploaded = discord.calls("POST", "channels/\\d+/messages").get(2);
        assertThat(uploaded.fileNames()).containsExactly("cat.mp4");
        assertThat(uploaded.fileBytes()).isEqualTo(9);
        assertThat(uploaded.body().path("message_reference").path("message_id").asText()).isEqualTo(id);
        assertThat(uploaded.body().path("nonce").asText()).isEqualTo("nonce-2");
        assertThat(uploaded.body().path("enforce_nonce").asBoolean()).isTrue();

        String dm = rest.openDm("800000000000000001");
        assertThat(dm).isEqualTo(discord.dmChannelOf("800000000000000001"));
        discord.guildTier("900000000000000001", CHANNEL, 2);
        assertThat(rest.boostTierOfChannel(CHANNEL)).isEqualTo(OptionalInt.of(2));
        assertThat(rest.boostTierOfChannel(OTHER)).as("a channel outside any guild").isEmpty();
        rest.putCommands(FakeDiscord.APP_ID, "900000000000000001", java.util.List.of());
        assertThat(discord.calls("PUT", "applications/\\d+/guilds/\\d+/commands")).hasSize(1);
        assertThat(discord.gateway().identifications()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "404 | {\"message\": \"Unknown Message\", \"code\": 10008}     | UNKNOWN_MESSAGE",
        "404 | {\"message\": \"Unknown Channel\", \"code\": 10003}     | UNKNOWN_CHANNEL",
        "403 | {\"message\": \"Missing Access\", \"code\": 50001}      | MISSING_ACCESS",
        "403 | {\"message\": \"Missing Permissions\", \"code\": 50013} | MISSING_PERMISSIONS",
        "403 | {\"message\": \"Cannot send messages\", \"code\": 50007} | CANNOT_DM",
        "400 | {\"message\": \"Request entity too large\", \"code\": 40005} | TOO_LARGE",
        "413 | <html>Request Entity Too Large</html>                    | TOO_LARGE",
        "400 | {\"message\": \"Invalid Form Body\", \"code\": 50035}   | REFUSED",
        "401 | {\"message\": \"401: Unauthorized\", \"code\": 0}       | REFUSED",
        "502 | <html>Bad Gateway</html>                                  | TRANSIENT",
        "500 | {\"message\": \"500: Internal Server Error\", \"code\": 0} | TRANSIENT",
    })
    void discordsErrorBodyIsSortedByItsCodeThenItsStatus(int status, String body, Kind kind) {
        discord.failNext("PATCH", "channels/.*", status, body, null);

        assertThatThrownBy(() -> rest.edit(CHANNEL, "1", MessageEditData.fromContent("x")))
                .isInstanceOfSatisfying(DiscordFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).contains("HTTP " + status);
                });
    }

    @Test
    void aRateLimitIsPassedOnWithTheBodysDelayAndTheBucketIsLeftAloneUntilItIsOver() throws Exception {
        String id = rest.send(CHANNEL, DiscordMessage.text("queued"), null);
        discord.failNext("PATCH", "channels/.*", 429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":2.5,\"global\":false}", "3");

        assertThat(retryAfterOf(() -> rest.edit(CHANNEL, id, MessageEditData.fromContent("a"))))
                .isEqualTo(Duration.ofMillis(2500));
        int sent = discord.calls().size();
        clock.advance(Duration.ofSeconds(1));
        assertThat(retryAfterOf(() -> rest.edit(CHANNEL, id, MessageEditData.fromContent("b"))))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(discord.calls()).as("refused here, never sent into an empty bucket").hasSize(sent);

        String other = rest.send(OTHER, DiscordMessage.text("elsewhere"), null);
        assertThat(other).as("another channel is another bucket").isNotNull();
        clock.advance(Duration.ofMillis(1500));
        rest.edit(CHANNEL, id, MessageEditData.fromContent("c"));
        assertThat(discord.message(id).path("content").asText()).isEqualTo("c");
    }

    @Test
    void aRateLimitWithoutABodySaysItsDelayInTheHeaderAndAGlobalOneHoldsEveryRoute() throws Exception {
        discord.failNext("POST", "channels/.*", 429, "", "4");
        assertThat(retryAfterOf(() -> rest.send(CHANNEL, DiscordMessage.text("x"), null)))
                .isEqualTo(Duration.ofSeconds(4));

        discord.failNext("POST", "users/@me/channels", 429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":0.75,\"global\":true}", "1");
        assertThat(retryAfterOf(() -> rest.openDm("800000000000000001"))).isEqualTo(Duration.ofMillis(750));
        assertThat(retryAfterOf(() -> rest.send(OTHER, DiscordMessage.text("y"), null)))
                .as("a global limit holds every route").isEqualTo(Duration.ofMillis(750));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static Duration retryAfterOf(Call call) {
        try {
            call.run();
        } catch (DiscordFailure e) {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            return e.retryAfter();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no rate limit");
    }
}
