package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelbot.discord.FakeDiscord.Call;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A prompt full of pings and markdown pings nobody and formats nothing, in any message the bot sends. */
class DiscordMentionsTest extends WithDiscord {
    private static final String NASTY = "@everyone @here <@999999999999999999> <@&888888888888888888> **bold** "
            + "[click](https://evil.example) `code` ||spoiler|| a cat";


    @Test
    void everyMessageIsSentWithNoAllowedMentionsAndTheUntrustedTextEscaped() {
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, NASTY));
        h.video(Interactions.BOB, NASTY + " [fail]");
        h.runUntilSettled();

        List<Call> writes = h.discord.calls().stream()
                .filter(c -> c.path().matches("channels/\\d+/messages(/\\d+)?|webhooks/.*"))
                .filter(c -> !c.method().equals("GET")).toList();
        assertThat(writes).hasSizeGreaterThan(8)
                .as("an upload, a refund notice and ephemeral answers are among them")
                .anySatisfy(c -> assertThat(c.fileNames()).isNotEmpty())
                .anySatisfy(c -> assertThat(c.path()).startsWith("channels/" + Interactions.ADMIN_CHANNEL))
                .anySatisfy(c -> assertThat(c.path()).startsWith("webhooks/"));
        for (Call write : writes) {
            JsonNode mentions = write.body().path("allowed_mentions");
            assertThat(mentions.path("parse").isArray()).as("%s %s", write.method(), write.path()).isTrue();
            assertThat(mentions.path("parse")).as("%s %s", write.method(), write.path()).isEmpty();
            assertThat(mentions.path("users")).isEmpty();
            assertThat(mentions.path("roles")).isEmpty();
            assertThat(mentions.path("replied_user").asBoolean()).isFalse();
            String shown = write.body().path("content").asText() + write.body().path("embeds");
            assertThat(shown.replace("<@" + Interactions.ALICE + ">", "").replace("<@" + Interactions.BOB + ">", ""))
                    .as("no raw mention or markdown of the prompt survives")
                    .doesNotContain("<@9").doesNotContain("<@&").doesNotContainPattern("(?<!\\\\)@everyone")
                    .doesNotContain("**bold").doesNotContain("](https");
        }
        String description = h.discord.message(h.job(jobId).message().ref().messageId()).path("embeds").get(0)
                .path("description").asText();
        assertThat(description).startsWith("\\@everyone \\@here \\<\\@999999999999999999\\> ")
                .contains("\\*\\*bold\\*\\* \\[click\\]\\(https");
    }
}
