package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordTextTest {
    @Test
    void markdownAndMentionSyntaxIsEscapedSoItShowsAsTyped() {
        String escaped = DiscordText.escape("@everyone <@123> <#456> **b** _i_ ~~s~~ ||x|| `c` [l](u) # h", 500);

        assertThat(escaped).isEqualTo("\\@everyone \\<\\@123\\> \\<\\#456\\> \\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ "
                + "\\|\\|x\\|\\| \\`c\\` \\[l\\]\\(u\\) \\# h");
        assertThat(escaped.replaceAll("\\\\(\\p{Punct})", "$1")).as("what Discord shows")
                .isEqualTo("@everyone <@123> <#456> **b** _i_ ~~s~~ ||x|| `c` [l](u) # h");
    }

    @Test
    void lineStartsThatWouldFormatAreEscapedAndLineBreaksFlattened() {
        assertThat(DiscordText.escape("1. first\n> quote\n- item", 100)).isEqualTo("1\\. first \\> quote \\- item");
        assertThat(DiscordText.escape("-# small", 100)).isEqualTo("\\-\\# small");
    }

    @Test
    void cappingNeverLeavesALoneBackslash() {
        String capped = DiscordText.escape("aaaa*bbbb", 6);

        assertThat(capped).isEqualTo("aaaa…");
        assertThat(DiscordText.escape("a".repeat(10), 5)).isEqualTo("aaaa…");
    }

    @Test
    void replyTextKeepsItsCodeSpansAndEscapesTheRest() {
        String reply = DiscordText.reply("🎬 Job `abcd2345` accepted: sora-2 · **x**\n• `efgh2345` <@1>", 2000);

        assertThat(reply).isEqualTo("🎬 Job `abcd2345` accepted: sora\\-2 · \\*\\*x\\*\\*\n• `efgh2345` \\<\\@1\\>");
        assertThat(DiscordText.reply("a `lone backtick", 100)).isEqualTo("a \\`lone backtick");
    }

    @Test
    void onlySnowflakesBecomeMentionsAndOnlyPlainWebLinksAreShownRaw() {
        assertThat(DiscordText.mention("666666666666666661")).isEqualTo("<@666666666666666661>");
        assertThat(DiscordText.mention("U_ALICE")).isEmpty();
        assertThat(DiscordText.safeLink("https://cdn.example.com/v/1.mp4?sig=a_b")).isNotNull();
        assertThat(DiscordText.safeLink("https://x.example/a b")).isNull();
        assertThat(DiscordText.safeLink("javascript:alert(1)")).isNull();
        assertThat(DiscordText.safeLink("https://x.example/<@1>")).isNull();
    }
}
