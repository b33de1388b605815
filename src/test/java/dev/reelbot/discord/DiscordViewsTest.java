package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import dev.reelbot.core.VideoLink;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class DiscordViewsTest {
    private static final String ALICE = "666666666666666661";

    private static JobView view(JobView.Result result, boolean isFinal, List<JobView.Action> actions) {
        return new JobView("abcd2345", "🎬 Generating", "a *cat*", ALICE, "sora-2 · 8 s · 1280x720 · seed 7",
                "Generating…", isFinal ? null : "▓▓▓▓░░░░░░ 40%", "1m 05s", result, isFinal, actions);
    }

    private static List<String> fieldNames(MessageEmbed embed) {
        return embed.getFields().stream().map(MessageEmbed.Field::getName).toList();
    }

    @Test
    void aRunningJobShowsItsPromptProgressAndSettingsAndMentionsTheRequesterOnce() {
        DiscordMessage message = DiscordViews.job(view(null, false, List.of()));

        assertThat(message.content()).isEqualTo("<@" + ALICE + ">");
        MessageEmbed embed = message.embed();
        assertThat(embed.getTitle()).isEqualTo("🎬 Generating");
        assertThat(embed.getDescription()).isEqualTo("a \\*cat\\*\n\nGenerating…\n`▓▓▓▓░░░░░░ 40%`");
        assertThat(fieldNames(embed)).containsExactly("Model", "Length", "Size", "Options");
        assertThat(embed.getFields().get(3).getValue()).isEqualTo("seed 7");
        assertThat(embed.getFooter().getText()).isEqualTo("job abcd2345 · 1m 05s");
        assertThat(embed.getColorRaw()).isEqualTo(DiscordViews.BLURPLE);
        assertThat(message.rows()).isEmpty();
    }

    @Test
    void aLinkedVideoIsARawLinkInTheContentWithItsExpiryAndTheButtons() {
        Instant expires = Instant.parse("2026-11-25T12:00:00Z");
        DiscordMessage message = DiscordViews.job(view(new JobView.Linked("https://cdn.example.com/v.mp4", expires,
                "the video is 11.0 MB, over the 10.0 MB upload limit here"), true,
                List.of(JobView.Action.REROLL, JobView.Action.DETAILS)));

        assertThat(message.content()).isEqualTo("<@" + ALICE + "> https://cdn.example.com/v.mp4");
        assertThat(message.embed().getFields()).anySatisfy(f -> {
            assertThat(f.getName()).isEqualTo("Link expires");
            assertThat(f.getValue()).isEqualTo("<t:" + expires.getEpochSecond() + ":f> (<t:"
                    + expires.getEpochSecond() + ":R>)");
        });
        assertThat(message.embed().getColorRaw()).isEqualTo(DiscordViews.GREEN);
        assertThat(message.rows()).singleElement().satisfies(row -> assertThat(row.getComponents())
                .extracting(c -> ((Button) c).getCustomId())
                .containsExactly("reelbot:reroll:abcd2345", "reelbot:edit:abcd2345", "reelbot:details:abcd2345"));
    }

    @Test
    void aLinkedVideoShowsItsPosterAsTheEmbedImageAndAnUploadLinksTheOriginalWithoutASecondPlayer() {
        DiscordMessage linked = DiscordViews.job(view(new JobView.Linked("https://bot.example.com/v/a/t.mp4", null,
                "over the limit", "https://bot.example.com/v/a/t.jpg"), true, List.of()));
        assertThat(linked.embed().getImage().getUrl()).isEqualTo("https://bot.example.com/v/a/t.jpg");

        DiscordMessage uploaded = DiscordViews.job(view(new JobView.Uploaded("uploaded below as reelbot-a.mp4",
                new VideoLink("https://bot.example.com/v/a/t.mp4", Instant.parse("2026-12-25T12:00:00Z")), true),
                true, List.of()));
        assertThat(uploaded.content()).as("no raw link: Discord would show a second player")
                .isEqualTo("<@" + ALICE + ">");
        assertThat(uploaded.embed().getFields()).anySatisfy(f -> assertThat(f.getValue())
                .contains("[Full quality](https://bot.example.com/v/a/t.mp4)").contains("<t:"));
        assertThat(uploaded.embed().getImage()).isNull();
    }

    @Test
    void aFailedJobSaysWhyEscapedAndWhereTheRefundStands() {
        DiscordMessage message = DiscordViews.job(view(new JobView.Failed("API said <@1> **no**",
                JobView.Refund.NOTIFIED), true, List.of(JobView.Action.DETAILS)));

        assertThat(message.embed().getFields()).extracting(MessageEmbed.Field::getValue)
                .contains("API said \\<\\@1\\> \\*\\*no\\*\\*", "An admin has been told, for a refund.");
        assertThat(message.embed().getColorRaw()).isEqualTo(DiscordViews.RED);
    }

    @Test
    void aNoticeHasAMarkRefundedButtonUntilResolved() {
        List<NoticeView.Fact> facts = List.of(new NoticeView.Fact("Requester", "Eve **bold** (discord user 1)"));
        DiscordMessage open = DiscordViews.notice(new NoticeView("abcd2345", "💸 Refund needed", facts, false, true));
        DiscordMessage done = DiscordViews.notice(new NoticeView("abcd2345", "✅ Refund resolved", facts, true,
                false));

        assertThat(open.embed().getDescription()).contains("may repeat");
        assertThat(open.embed().getFields().get(0).getValue()).isEqualTo("Eve \\*\\*bold\\*\\* \\(discord user 1\\)");
        assertThat(open.rows()).singleElement().satisfies(row -> assertThat(((Button) row.getComponents().get(0))
                .getCustomId()).isEqualTo("reelbot:resolve:abcd2345"));
        assertThat(done.rows()).isEmpty();
        assertThat(done.content()).isEmpty();
    }
}
