package dev.reelbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.TestJobs;
import dev.reelbot.core.text.Texts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    private static final ModelCatalog CATALOG = TestJobs.MODELS;
    private final CommandParser parser = new CommandParser(CATALOG,
            new Limits(100, 2, List.of(), Map.of("C_KLING", List.of("kling-v2-1"))), "/video");

    private VideoRequest generate(String text) throws CommandError {
        VideoCommand command = parser.parse(text, "C1");
        assertThat(command).isInstanceOf(VideoCommand.Generate.class);
        return ((VideoCommand.Generate) command).request();
    }

    private String error(String text) {
        try {
            parser.parse(text, "C1");
        } catch (CommandError e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + text + " to be refused");
    }

    @Test
    void promptAloneUsesTheDefaultModelAndSetsNothingElse() throws Exception {
        VideoRequest r = generate("a cat surfing at sunset");
        assertThat(r.prompt()).isEqualTo("a cat surfing at sunset");
        assertThat(r.model()).isEqualTo("sora-2");
        assertThat(r.seconds()).isNull();
        assertThat(r.size()).isNull();
        assertThat(r.seed()).isNull();
    }

    @Test
    void inlineFlagsAnywhereInBothForms() throws Exception {
        VideoRequest r = generate("a cat --duration 8 surfing --seed=42 at sunset --ar 16:9");
        assertThat(r.prompt()).isEqualTo("a cat surfing at sunset");
        assertThat(r.seconds()).isEqualTo(8);
        assertThat(r.seed()).isEqualTo(42L);
        assertThat(r.size()).isEqualTo("1280x720");
        assertThat(r.aspectRatio()).isEqualTo("16:9");
    }

    @Test
    void quotedValuesStraightOrCurly() throws Exception {
        VideoRequest r = generate("a storm --neg \"rain, blurry text\" --style “film noir”");
        assertThat(r.negativePrompt()).isEqualTo("rain, blurry text");
        assertThat(r.style()).isEqualTo("film noir");
        assertThat(r.prompt()).isEqualTo("a storm");
    }

    @Test
    void dashesTurnedIntoEmDashesByPhonesStillWork() throws Exception {
        VideoRequest r = generate("a cat —duration 12 –model sora-2-pro");
        assertThat(r.seconds()).isEqualTo(12);
        assertThat(r.model()).isEqualTo("sora-2-pro");
    }

    @Test
    void aliasesAndCaseAreAccepted() throws Exception {
        VideoRequest r = generate("a cat --MODEL Kling-V2-1 --no \"dogs\" --seconds 5s");
        assertThat(r.model()).isEqualTo("kling-v2-1");
        assertThat(r.negativePrompt()).isEqualTo("dogs");
        assertThat(r.seconds()).isEqualTo(5);
    }

    @Test
    void quotesInsideThePromptAreKeptAndAFullyQuotedPromptIsUnwrapped() throws Exception {
        assertThat(generate("a sign that says \"hello\" --duration 4").prompt())
                .isEqualTo("a sign that says \"hello\"");
        assertThat(generate("\"a cat surfing\" --duration 4").prompt()).isEqualTo("a cat surfing");
    }

    @Test
    void doubleDashInsideWordsIsPartOfThePrompt() throws Exception {
        assertThat(generate("a well--known cat -- surfing").prompt()).isEqualTo("a well--known cat -- surfing");
    }

    @Test
    void aspectRatioPicksASizeTheModelOffers() throws Exception {
        assertThat(generate("x --ar 9:16").size()).isEqualTo("720x1280");
        assertThat(generate("x --model sora-2-pro --ar 7:4").size()).isEqualTo("1792x1024");
        assertThat(generate("x --model kling-v2-1 --ar 1:1").size()).isEqualTo("960x960");
        assertThat(error("x --ar 1:1")).contains("sora-2 has no 1:1 size")
                .contains("720x1280 (9:16) or 1280x720 (16:9)");
    }

    @Test
    void sizeIsCheckedAgainstTheModel() throws Exception {
        assertThat(generate("x --size 1280X720").size()).isEqualTo("1280x720");
        assertThat(error("x --size 1920x1080")).contains("sora-2 makes videos of 720x1280 (9:16) or 1280x720 (16:9)")
                .contains("--size 1920x1080 is not one of them");
        assertThat(error("x --size 1280x720 --ar 16:9")).contains("Use --size or --ar, not both");
    }

    @Test
    void durationIsCheckedAgainstTheModel() {
        assertThat(error("x --duration 7")).isEqualTo("sora-2 makes videos of 4, 8 or 12 seconds; --duration 7 is "
                + "not one of them.");
        assertThat(error("x --model kling-v2-1 --duration 4")).contains("kling-v2-1 makes videos of 5 or 10");
        assertThat(error("x --duration eight")).contains("--duration eight is not one of them");
    }

    @Test
    void unknownFlagsNameTheOptionsAndTheNearestOne() {
        assertThat(error("a cat --colour red")).contains("--colour is not an option.")
                .contains("--model --duration --size --ar");
        assertThat(error("a cat --speed 2")).contains("--speed is not an option; did you mean `--seed`?");
        assertThat(error("a cat --modle sora-2")).contains("--modle is not an option; did you mean `--model`?");
        assertThat(error("a cat --qualty high")).contains("did you mean `--quality`?");
    }

    @Test
    void anUnknownFlagDoesNotHideTheOtherProblems() {
        String message = error("a cat --colour red --duration 7 --fps 1000");
        assertThat(message).contains("--colour is not an option").contains("--duration 7")
                .contains("--fps must be a whole number");
        assertThat(message.split("\n")).hasSize(3);
    }

    @Test
    void flagsWithoutValuesSayWhatToWrite() {
        assertThat(error("a cat --duration")).contains("--duration needs a value, e.g. --duration 8");
        assertThat(error("a cat --model --duration 8")).contains("--model needs a value");
        assertThat(error("a cat --neg \"never closed")).contains("the quote after --neg is never closed");
    }

    @Test
    void everyProblemIsReportedTogether() {
        String message = error("x --duration 7 --fps 1000 --seed -1 --count 9 --style <b>");
        assertThat(message).contains("--duration 7").contains("--fps must be a whole number from 1 to 120")
                .contains("--seed must be a whole number from 0 to 4294967295").contains("--count must be")
                .contains("--style must be a short word");
        assertThat(message.split("\n")).hasSize(5);
    }

    @Test
    void flagGivenTwiceIsRefused() {
        assertThat(error("x --seed 1 --seed 2")).contains("--seed is given twice");
    }

    @Test
    void emptyOrOptionsOnlyAskForAPrompt() {
        assertThat(error("")).contains("Describe the video you want, e.g. /video a cat surfing");
        assertThat(error("   ")).contains("Describe the video you want");
        assertThat(error("--duration 8")).contains("Describe the video before the options");
    }

    @Test
    void tooLongPromptSaysHowLong() {
        assertThat(error("x".repeat(150))).isEqualTo("Your prompt is 150 characters long; the limit is 100. "
                + "Shorten it.");
        assertThat(error("🏄".repeat(101))).contains("101 characters");
    }

    @Test
    void modelsAreLimitedPerChannel() throws Exception {
        VideoCommand here = parser.parse("x", "C_KLING");
        assertThat(((VideoCommand.Generate) here).request().model()).isEqualTo("kling-v2-1");
        assertThatThrownBy(() -> parser.parse("x --model sora-2", "C_KLING"))
                .hasMessageContaining("sora-2 is not offered in this channel. Models here: kling-v2-1.");
        assertThat(error("x --model veo-3")).contains("there is no model called veo-3");
    }

    @Test
    void countIsLimited() throws Exception {
        assertThat(generate("x --count 2").count()).isEqualTo(2);
        assertThat(error("x --count 3")).contains("--count must be a whole number from 1 to 2");
        CommandParser single = new CommandParser(CATALOG, Limits.DEFAULTS, "/video");
        assertThatThrownBy(() -> single.parse("x --count 2", "C1")).hasMessageContaining("limited to 1");
    }

    @Test
    void controlCharactersAndBidiOverridesLeaveThePrompt() throws Exception {
        assertThat(generate("a\u0007 cat\u202E surfing").prompt()).isEqualTo("a cat surfing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/a.png", "ftp://example.com/a.png", "https://127.0.0.1/a.png",
            "https://localhost/a.png", "https://10.0.0.8/a.png", "https://169.254.169.254/latest",
            "https://[::1]/a.png", "https://user:pw@example.com/a.png", "https://metadata.internal/x",
            "https://printer.local/a.png", "https://intranet/a.png", "not a url", "https://127.1/a.png"})
    void imageUrlsMustBePublicHttps(String url) {
        assertThat(error("x --image " + url)).contains("--image");
    }

    @Test
    void publicHttpsImageIsAccepted() throws Exception {
        assertThat(generate("x --image https://example.com/first.png").imageUrl())
                .isEqualTo("https://example.com/first.png");
    }

    @Test
    void commandWordsAreReservedAsTheFirstWord() throws Exception {
        assertThat(parser.parse("help", "C1")).isInstanceOf(VideoCommand.Help.class);
        assertThat(parser.parse("help me", "C1")).isInstanceOf(VideoCommand.Help.class);
        assertThat(parser.parse("MODELS", "C1")).isInstanceOf(VideoCommand.Models.class);
        assertThat(parser.parse("list", "C1")).isInstanceOf(VideoCommand.ListJobs.class);
        assertThat(parser.parse("status", "C1")).isInstanceOf(VideoCommand.ListJobs.class);
        assertThat(parser.parse("status Abcd2345", "C1")).isEqualTo(new VideoCommand.Status("abcd2345"));
        assertThat(parser.parse("admin refunds", "C1")).isInstanceOf(VideoCommand.AdminRefunds.class);
        assertThat(parser.parse("admin resolve abcd2345 paid back 2 credits", "C1"))
                .isEqualTo(new VideoCommand.AdminResolve("abcd2345", "paid back 2 credits"));
        assertThat(error("admin resolve")).contains("admin resolve <job id> [note]");
        assertThat(error("list all")).contains("`list` takes nothing after it").contains("put the prompt in quotes");
        assertThat(error("status nosuchjob")).contains("`nosuchjob` is not a job id");
        assertThat(error("status cw34ha3")).as("a typo of a real id").contains("`cw34ha3` is not a job id");
        assertThat(error("status symbols in a museum")).contains("`status` takes one job id");
        assertThat(error("admin refnds")).contains("did you mean `/video admin refunds`?");
        assertThat(error("admin panel in neon")).contains("is not an admin command");
    }

    @Test
    void aPromptStartingWithACommandWordIsWrittenInQuotes() throws Exception {
        assertThat(generate("\"list of cats dancing\"").prompt()).isEqualTo("list of cats dancing");
        assertThat(generate("“status symbols” in a museum --duration 8").prompt())
                .isEqualTo("“status symbols” in a museum");
        assertThat(HelpText.help(parser, "C1", Texts.ENGLISH)).contains("goes in quotes");
    }

    @Test
    void aNearMissOfACommandWordInACommandsShapeGetsDidYouMean() throws Exception {
        assertThat(error("stauts abc")).contains("`stauts` is not a command; did you mean `/video status`?")
                .contains("put the prompt in quotes");
        assertThat(error("lsit")).contains("did you mean `/video list`?");
        assertThat(error("hlep")).contains("did you mean `/video help`?");
        assertThat(error("admn refunds")).contains("did you mean `/video admin`?");
        assertThat(generate("last dance on the moon").prompt()).as("not in a command's shape")
                .isEqualTo("last dance on the moon");
        assertThat(generate("statue of liberty").prompt()).isEqualTo("statue of liberty");
    }

    @Test
    void aPromptWithNothingVisibleIsRefused() {
        assertThat(error("\u200B\u200D\u2060")).contains("no visible characters");
        assertThat(error("\u3164 --duration 8")).contains("no visible characters");
    }

    @Test
    void typedOptionsWithACommandWordAsPromptAskForQuotes() {
        assertThatThrownBy(() -> parser.fromOptions("list of cats", Map.of(Flag.MODEL, "sora-2"), "C1"))
                .hasMessageContaining("put the prompt in quotes");
    }

    @Test
    void typedOptionsAndInlineFlagsMeetInOneRequest() throws Exception {
        VideoCommand.Generate typed = parser.fromOptions("a cat --seed 7", Map.of(Flag.MODEL, "kling-v2-1",
                Flag.DURATION, "10", Flag.ASPECT, "9:16"), "C1");
        assertThat(typed.request().model()).isEqualTo("kling-v2-1");
        assertThat(typed.request().seconds()).isEqualTo(10);
        assertThat(typed.request().size()).isEqualTo("720x1280");
        assertThat(typed.request().seed()).isEqualTo(7L);
        assertThatThrownBy(() -> parser.fromOptions("a cat --seed 7", Map.of(Flag.SEED, "8"), "C1"))
                .hasMessageContaining("--seed is given twice");
    }

    @Test
    void eachProblemKnowsTheOptionItIsAbout() {
        CommandError error = org.junit.jupiter.api.Assertions.assertThrows(CommandError.class, () -> parser
                .fromOptions("a cat --fps 9000 --bogus 1", Map.of(Flag.SEED, "x", Flag.MODEL, "sora-2",
                        Flag.DURATION, "7", Flag.SIZE, "1x1", Flag.NEGATIVE, "x".repeat(501)), "C1"));
        assertThat(error.problems()).hasSize(6);
        assertThat(error.problems()).extracting(error::fieldOf).containsExactly(null, Flag.DURATION, Flag.SIZE,
                Flag.FPS, Flag.SEED, Flag.NEGATIVE);
    }

    @Test
    void helpIsGeneratedFromTheSameDefinitions() {
        String help = HelpText.help(parser, "C1", Texts.ENGLISH);
        for (Flag flag : Flag.values()) {
            assertThat(help).contains(flag.toString());
        }
        assertThat(help).contains("sora-2, sora-2-pro, kling-v2-1 (default sora-2)").contains("/video admin refunds");
        assertThat(HelpText.models(parser, "C_KLING", Texts.ENGLISH)).contains("kling-v2-1").doesNotContain("sora");
    }
}
