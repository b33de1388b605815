package dev.reelbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** Live rows fit the width as a terminal counts it: the bar and time always show, the prompt gives way. */
class LiveRegionTest {
    private static JobView running(String id, String prompt) {
        return new JobView(id, "🎬 Generating", prompt, "you", "sora-2 · 8 s · 1280x720", "Generating…",
                "▓▓▓▓░░░░░░ 40%", "12s", null, false, List.of());
    }

    private static int width(String row) {
        return new AttributedString(row).columnLength();
    }

    @Test
    void aWideTerminalShowsEverything() {
        LiveRegion live = new LiveRegion();
        live.put("#general", "abcd2345", running("abcd2345", "a cat surfing"));

        assertThat(live.lines(200, 10)).containsExactly(
                "#general abcd2345 🎬 Generating ▓▓▓▓░░░░░░ 40% · 12s · \"a cat surfing\" · sora-2 · 8 s · 1280x720");
    }

    @Test
    void atEightyColumnsTheSettingsGoAndThePromptIsShortenedButTheBarStays() {
        LiveRegion live = new LiveRegion();
        live.put("#general", "abcd2345", running("abcd2345", "東京の夜景 🌃 a fox 🦊 walking through the neon rain at night"));

        String row = live.lines(79, 10).get(0);

        assertThat(row).startsWith("#general abcd2345 🎬 Generating ▓▓▓▓░░░░░░ 40% · 12s · \"東京の夜景")
                .endsWith("…\"").doesNotContain("sora-2");
        assertThat(width(row)).isLessThanOrEqualTo(79).isGreaterThanOrEqualTo(78);
    }

    @Test
    void emojiVariationSelectorsAreDroppedSoEveryTerminalCountsTheSameWidth() {
        LiveRegion live = new LiveRegion();
        live.put("#general", "abcd2345", running("abcd2345", "a storm ⚠️ at sea, a family 👨‍👩‍👧"));

        assertThat(live.lines(200, 10).get(0)).contains("\"a storm ⚠ at sea, a family 👨👩👧\"");
    }

    @Test
    void moreJobsThanRowsEndWithACount() {
        LiveRegion live = new LiveRegion();
        for (int i = 0; i < 5; i++) {
            live.put("#general", "job" + i + "2345", running("job" + i + "2345", "a cat " + i));
        }

        List<String> rows = live.lines(120, 3);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("#general job02345 ");
        assertThat(rows.get(2)).isEqualTo("… and 3 more running");
        assertThat(live.remove("job02345")).isTrue();
        assertThat(live.lines(120, 10)).hasSize(4);
    }
}
