package dev.reelbot.core.engine;

import static dev.reelbot.simulator.SimulatorCounts.createRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.JobView;
import dev.reelbot.core.Reply;
import dev.reelbot.core.command.CommandError;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Job;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken commands through the whole engine: each gets a clear answer naming what to fix, nothing
 * crashes, nothing is submitted, and nothing already running is disturbed.
 */
class HostileInputTest extends WithEngine {
    private void refusedWith(String command, String... fragments) {
        Reply reply = h.command(command);
        assertThat(reply.ok()).as("refused: %s", command).isFalse();
        assertThat(reply.text()).as("answer to %s", command).contains(fragments);
        assertThat(h.store.unsettled()).as("nothing accepted for %s", command).isEmpty();
    }

    @Test
    void emptyOrBlankCommandsSayWhatToType() {
        refusedWith("", "Describe the video you want");
        refusedWith("   \t  ", "Describe the video you want");
        refusedWith("--duration 8 --model sora-2", "Describe the video before the options");
        refusedWith("\u0000\u0007\u202E", "Describe the video before the options");
    }

    @Test
    void aTwentyThousandCharacterPromptIsRefusedWithItsLength() {
        // Numbers are written the reader's way: grouped in English.
        refusedWith("x".repeat(20_000), "20,000 characters long; the limit is 1,000");
    }

    @Test
    void controlCharactersRightToLeftTextAndEmojiSurviveCleanly() {
        String prompt = "חתול\u0007 גולש 🏄\u200D♀️ قطة\u202E on a wave\r\n";
        Reply reply = h.command(prompt);
        h.runUntilSettled();

        assertThat(reply.ok()).isTrue();
        Job job = h.job(reply.jobId());
        assertThat(job.request().prompt()).isEqualTo("חתול גולש 🏄\u200D♀️ قطة on a wave");
        JobView shown = (JobView) h.chat.current(job.message().ref().messageId());
        assertThat(shown.prompt()).isEqualTo(job.request().prompt());
        assertThat(shown.isFinal()).isTrue();
    }

    @Test
    void mentionAndLinkMarkupIsKeptAsTextForAdaptersToEscape() {
        Reply reply = h.command("<!channel> @here <@U0VICTIM> <https://evil.example|click> [click](https://x)");
        h.runUntilSettled();

        assertThat(reply.ok()).isTrue();
        assertThat(h.job(reply.jobId()).request().prompt()).startsWith("<!channel> @here <@U0VICTIM>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "x --duration abc | --duration abc is not one of them",
            "x --duration -4 | --duration -4 is not one of them",
            "x --duration 99999999999 | is not one of them",
            "x --fps 0 | --fps must be a whole number from 1 to 120",
            "x --fps 121 | --fps must be a whole number from 1 to 120",
            "x --fps 2.5 | --fps must be a whole number",
            "x --seed -1 | --seed must be a whole number from 0 to 4294967295",
            "x --seed 4294967296 | --seed must be",
            "x --seed 1e3 | --seed must be",
            "x --count 0 | --count is limited to 1 here",
            "x --count lots | --count is limited to 1 here",
            "x --size 1x1 | --size 1x1 is not one of them",
            "x --size huge | --size huge is not one of them",
            "x --ar 0:0 | --ar must look like 16:9",
            "x --ar 99:1 | sora-2 has no 99:1 size",
            "x --ar wide | --ar must look like 16:9",
            "x --model ../../etc/passwd | there is no model called ../../etc/passwd",
            "x --neg \"\" | --neg must be 1 to 500 characters",
            "x --style <script>alert(1)</script> | --style must be a short word",
            "x --quality abcdefghijklmnopqrstuvwxyzabcdefghijklmnop | --quality must be a short word",
            "x --image ftp://example.com/a.png | --image must be an https:// URL",
            "x --image javascript:alert(1) | --image must be an https:// URL",
            "x --speed 3 | --speed is not an option",
            "x --duration | --duration needs a value",
            "x --neg \"unclosed | the quote after --neg is never closed"})
    void everyFlagWithAWrongTypeOrRangeSaysWhatIsAllowed(String command, String expected) {
        refusedWith(command, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/a.png", "https://127.0.0.1/a.png", "https://localhost/a.png",
            "https://10.0.0.1/a.png", "https://192.168.1.1/a.png", "https://169.254.169.254/latest/meta-data",
            "https://[::1]/a.png", "https://[fe80::1]/a.png", "https://metadata.google.internal/x",
            "https://0x7f000001/a.png"})
    void imageUrlsThatAreNotPublicHttpsAreRefused(String url) {
        refusedWith("x --image " + url, "--image");
    }

    @Test
    void aTenMegabyteLineOfUnknownFlagsGetsOneShortAnswer() {
        String flood = "a cat " + "--x 1 ".repeat(1_750_000);

        refusedWith(flood, "characters long; a command may be at most 32,768");
        assertThat(h.command(flood).text()).hasSizeLessThan(200);
    }

    @Test
    void aFlagGivenAThousandTimesIsSaidOnceAndManyProblemsAreCounted() {
        String repeated = h.command("a cat" + " --duration 8".repeat(1000)).text();
        assertThat(repeated).isEqualTo("--duration is given twice.");

        StringBuilder many = new StringBuilder("a cat");
        for (char flag = 'a'; flag <= 't'; flag++) {
            many.append(" --zz").append(flag).append(" 1");
        }
        String answer = h.command(many.toString()).text();
        assertThat(answer.lines()).hasSize(CommandError.SHOWN + 1);
        assertThat(answer).endsWith("… and 10 more problems.");
    }

    @Test
    void aFlurryOfBadCommandsDisturbsNothingRunning() {
        Reply good = h.command("a calm sea");
        for (String bad : List.of("", "x --fps no", "y".repeat(5000), "z --image http://a", "--seed 1")) {
            assertThat(h.command(bad).ok()).isFalse();
        }
        h.runUntilSettled();

        assertThat(h.job(good.jobId()).delivery().state()).isEqualTo(DeliveryState.UPLOADED);
        assertThat(createRequests(h.simulator)).isEqualTo(1);
    }
}
