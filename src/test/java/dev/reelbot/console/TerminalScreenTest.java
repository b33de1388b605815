package dev.reelbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reelbot.core.Conversation;
import dev.reelbot.core.JobView;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.PostKey;
import dev.reelbot.core.Reply;
import dev.reelbot.testing.VirtualTerminal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The console on a terminal, read back from the screen a VT100 emulator draws: three running jobs keep one row
 * each, redrawn in place above the input line; what is being typed is never overwritten; finished jobs scroll
 * above; rows never wrap, wide characters included.
 */
class TerminalScreenTest {
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Conversation GENERAL = new Conversation("console", "local", "general");

    @TempDir
    Path dir;

    private static JobView running(String id, String prompt, int percent) {
        String bar = "▓".repeat(percent / 10) + "░".repeat(10 - percent / 10) + " " + percent + "%";
        return new JobView(id, "🎬 Generating", prompt, "you", "sora-2 · 8 s · 1280x720", "Generating…", bar,
                percent / 5 + "s", null, false, List.of());
    }

    private static JobView done(String id, String prompt) {
        return new JobView(id, "✅ Video ready", prompt, "you", "sora-2 · 8 s · 1280x720", "Done.", null,
                "took 20s", new JobView.Uploaded("saved to videos/" + id + ".mp4"), true, List.of());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "200, 50"})
    void runningJobsAreRedrawnInPlaceAboveWhatIsBeingTyped(int columns, int rows) throws Exception {
        try (VirtualTerminal vt = new VirtualTerminal(columns, rows);
             ConsoleChat chat = ConsoleChat.onTerminal(vt.terminal(), dir, "you")) {
            List<String> typed = new ArrayList<>();
            CompletableFuture<ConsoleChat.Ending> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return chat.readCommands((who, text, key) -> {
                        typed.add(text);
                        return new Reply("got it", true, null);
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String[] prompts = {"a cat surfing a wave at sunset, cinematic, golden light, 35mm film grain",
                "東京の夜景 🌃 neon rain, a fox 🦊 walking", "a storm over the sea ⚠️ dramatic"};
            String[] ids = {"cat23456", "tok23456", "sto23456"};
            List<MessageRef> refs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                refs.add(chat.port().post(GENERAL, running(ids[i], prompts[i], 0), new PostKey("k" + i, false)));
            }
            vt.type("/video a dog");
            await().atMost(WITHIN).until(() -> last(vt).equals("> /video a dog"));

            for (int percent = 10; percent <= 90; percent += 10) {
                for (int i = 0; i < 3; i++) {
                    chat.port().edit(refs.get(i), running(ids[i], prompts[i], percent));
                }
            }

            await().atMost(WITHIN).untilAsserted(() -> {
                List<String> screen = vt.usedRows();
                assertThat(screen).hasSize(4).last().isEqualTo("> /video a dog");
                for (int i = 0; i < 3; i++) {
                    assertThat(screen.get(i)).startsWith("#general " + ids[i] + " 🎬 Generating ▓▓▓▓▓▓▓▓▓░ 90% · 18s");
                }
                assertThat(screen.get(1)).contains("東京");
                if (columns >= 200) {
                    assertThat(screen.get(0)).endsWith("film grain\" · sora-2 · 8 s · 1280x720");
                }
            });

            chat.port().edit(refs.get(0), done(ids[0], prompts[0]));
            vt.type(" barking\r");
            await().atMost(WITHIN).untilAsserted(() -> {
                List<String> screen = vt.usedRows();
                assertThat(screen).noneMatch(l -> l.startsWith("#general " + ids[0]))
                        .filteredOn(l -> l.startsWith("#general msg " + ids[0] + " edited: ✅ Video ready")).hasSize(1);
                assertThat(screen).contains("> /video a dog barking", "#general (to you) got it");
                assertThat(screen.subList(screen.size() - 3, screen.size())).satisfiesExactly(
                    l -> assertThat(l).startsWith("#general " + ids[1] + " 🎬 Generating"),
                    l -> assertThat(l).startsWith("#general " + ids[2] + " 🎬 Generating"),
                    l -> assertThat(l).isEqualTo(">"));
            });
            assertThat(typed).containsExactly(" a dog barking");

            vt.type("\u0004");
            assertThat(reading.get()).isEqualTo(ConsoleChat.Ending.END_OF_INPUT);
            chat.port().edit(refs.get(1), running(ids[1], prompts[1], 95));
            await().atMost(WITHIN).untilAsserted(() -> assertThat(vt.usedRows()).last().asString()
                    .startsWith("#general " + ids[2]));
        }
    }

    private static String last(VirtualTerminal vt) {
        List<String> rows = vt.usedRows();
        return rows.isEmpty() ? "" : rows.get(rows.size() - 1);
    }
}
