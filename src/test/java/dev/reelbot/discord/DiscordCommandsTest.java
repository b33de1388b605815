package dev.reelbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelbot.discord.Interactions.Option;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slash commands as registered, and how each command and option reaches the core. */
class DiscordCommandsTest {
    @TempDir
    Path dir;
    DiscordHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private String slash(String user, List<String> roles, String command, String subcommand, Option... options) {
        return h.interact(Interactions.slash(Instant.now(), user, roles, command, subcommand, List.of(options)));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    @Test
    void theCommandsAreRegisteredInTheConfiguredGuildsWithTypedOptions() throws Exception {
        h = new DiscordHarness(dir);

        JsonNode commands = h.discord.calls("PUT", "applications/" + FakeDiscord.APP_ID + "/guilds/"
                + Interactions.GUILD + "/commands").get(0).body();
        assertThat(names(commands)).containsExactly("video", "video-help", "video-models", "video-list",
                "video-status", "video-usage", "video-admin", "Animate image");
        assertThat(commands.get(7).path("type").asInt()).as("a message command").isEqualTo(3);
        assertThat(commands.get(7).path("name_localizations").path("zh-CN").asText()).isEqualTo("动画化图片");
        assertThat(commands.get(0).path("description_localizations").path("es-ES").asText())
                .isEqualTo("Haz un vídeo a partir de una descripción");
        JsonNode video = commands.get(0);
        assertThat(names(video.path("options"))).containsExactly("prompt", "model", "duration", "aspect", "size",
                "image", "seed", "negative", "count");
        assertThat(video.path("options").get(0).path("required").asBoolean()).isTrue();
        assertThat(video.path("options").get(1).path("autocomplete").asBoolean()).as("models complete as typed")
                .isTrue();
        assertThat(video.path("options").get(2).path("choices").get(0).path("name_localizations").path("zh-CN")
                .asText()).isEqualTo("4 秒");
        assertThat(video.path("options").get(3).path("choices").findValuesAsText("value"))
                .containsExactly("16:9", "9:16", "1:1");
        assertThat(video.path("options").get(5).path("type").asInt()).as("attachment").isEqualTo(11);
        assertThat(video.path("contexts").toString()).as("guild only").isEqualTo("[\"0\"]");
        JsonNode admin = commands.get(6).path("options");
        assertThat(names(admin)).containsExactly("refunds", "resolve", "usage", "bump");
        assertThat(admin.get(2).path("options").get(0).path("choices").findValuesAsText("value"))
                .as("the usage periods").containsExactly("7d", "30d", "month");
        assertThat(h.discord.calls("PUT", "applications/\\d+/commands")).isEmpty();
    }

    @Test
    void withoutGuildIdsTheCommandsAreGlobal() throws Exception {
        h = new DiscordHarness(dir, s -> s.withCommandGuilds(List.of()));

        assertThat(h.discord.calls("PUT", "applications/" + FakeDiscord.APP_ID + "/commands")).singleElement()
                .satisfies(c -> assertThat(names(c.body())).contains("video", "video-admin"));
    }

    @Test
    void typedOptionsAndInlineFlagsMakeOneRequest() throws Exception {
        h = new DiscordHarness(dir);

        String answer = h.video(Interactions.ALICE, "a cat --seed 7", Option.integer("duration", 8),
                Option.string("aspect", "16:9"));
        String twice = h.video(Interactions.ALICE, "a cat --duration 4", Option.integer("duration", 8));

        assertThat(answer).contains("accepted: sora-2 · 8 s · 1280x720 · seed 7");
        assertThat(twice).contains("--duration is given twice");
    }

    @Test
    void anImageAttachmentBecomesTheImageUrlAndOtherFilesAreRefused() throws Exception {
        h = new DiscordHarness(dir);
        Option png = Interactions.attachment("image", "cat.png", "image/png");

        String answer = h.video(Interactions.ALICE, "the cat comes alive", png, Option.string("model", "kling-v2-1"));
        String pdf = h.video(Interactions.ALICE, "a document", Interactions.attachment("image", "a.pdf",
                "application/pdf"));

        assertThat(answer).contains("from an image");
        String url = ((java.util.Map<?, ?>) png.value()).get("url").toString();
        assertThat(h.job(DiscordHarness.jobIdIn(answer)).request().imageUrl()).isEqualTo(url);
        assertThat(pdf).isEqualTo("The image option needs an image file (PNG, JPEG or WebP).");
    }

    @Test
    void theOtherCommandWordsAreCommandsOfTheirOwn() throws Exception {
        h = new DiscordHarness(dir);
        String jobId = DiscordHarness.jobIdIn(h.video(Interactions.ALICE, "a cat"));

        List<String> answers = new ArrayList<>();
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.HELP, null));
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.MODELS, null));
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.LIST, null));
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.STATUS, null, Option.string("job", jobId)));
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.STATUS, null, Option.string("job", "nope")));
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.ADMIN, DiscordCommands.REFUNDS));
        answers.add(slash(Interactions.BOB, List.of(Interactions.ADMIN_ROLE), DiscordCommands.ADMIN,
                DiscordCommands.REFUNDS));
        answers.add(h.video(Interactions.ALICE, "help"));
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.USAGE, null));
        answers.add(slash(Interactions.BOB, List.of(Interactions.ADMIN_ROLE), DiscordCommands.ADMIN,
                DiscordCommands.ADMIN_USAGE, Option.string(DiscordCommands.PERIOD, "7d")));
        answers.add(slash(Interactions.ALICE, List.of(), DiscordCommands.ADMIN, DiscordCommands.BUMP,
                Option.string("job", jobId)));
        answers.add(slash(Interactions.BOB, List.of(Interactions.ADMIN_ROLE), DiscordCommands.ADMIN,
                DiscordCommands.BUMP, Option.string("job", jobId)));

        assertThat(answers.get(0)).contains("Make a video").contains("/video-models, /video-list");
        assertThat(answers.get(1)).contains("`sora-2`").contains("`kling-v2-1`");
        assertThat(answers.get(2)).contains("Your recent videos").contains("`" + jobId + "`");
        assertThat(answers.get(3)).startsWith("`" + jobId + "`");
        assertThat(answers.get(4)).contains("is not a job id");
        assertThat(answers.get(5)).isEqualTo("Only admins can do that: whoever runs the bot can add your user id `"
                + Interactions.ALICE + "` to `admins.discord` in its config, or give you a role listed in "
                + "`discord.admin-roles`.");
        assertThat(answers.get(6)).doesNotContain("Only admins");
        assertThat(answers.get(7)).as("/video prompt:help reads like /video help elsewhere").contains("Make a video");
        assertThat(answers.get(8)).startsWith("Your videos this month");
        assertThat(answers.get(9)).startsWith("Usage over");
        assertThat(answers.get(10)).startsWith("Only admins can do that");
        assertThat(answers.get(11)).as("not sent yet: it can go first").contains("now at the front of the line");
    }

    @Test
    void theRefundListSaysHowToResolveACaseWithDiscordsOwnCommand() throws Exception {
        h = new DiscordHarness(dir);
        h.video(Interactions.ALICE, "a storm [fail]");
        h.runUntilSettled();

        String list = slash(Interactions.BOB, List.of(Interactions.ADMIN_ROLE), DiscordCommands.ADMIN,
                DiscordCommands.REFUNDS);

        assertThat(list).contains("1 open refund case")
                .endsWith("Resolve one with: /video-admin resolve job:<job> [note:<note>]");
    }
}
