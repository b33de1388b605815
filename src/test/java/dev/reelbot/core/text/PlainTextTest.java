package dev.reelbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void controlCharactersAndLineBreaksBecomeSingleSpaces() {
        assertThat(PlainText.oneLine("  a\tcat\r\n\n surfing\u0000\u0007!  ", 100)).isEqualTo("a cat surfing !");
    }

    @Test
    void printableShowsControlCharactersAsSymbolsAndKeepsLineBreaks() {
        assertThat(PlainText.printable("a\u001b[31mred\u0007\tb\nc\u007f\u009b\u202Ed\r")).isEqualTo(
                "a␛[31mred␇ b\nc\u2421\uFFFDd␍");
        String clean = "plain text, emoji 🏄, Hebrew חתול\nsecond line";
        assertThat(PlainText.printable(clean)).isSameAs(clean);
    }

    @Test
    void capLinesKeepsWholeLinesAndCountsTheRest() {
        String many = "line\n".repeat(1000).strip();
        String capped = PlainText.capLines(many, 100);

        assertThat(capped).hasSizeLessThanOrEqualTo(100).endsWith("\n… and " + (1000 - 13) + " more lines");
        assertThat(capped.lines().limit(13)).allMatch("line"::equals);
        assertThat(PlainText.capLines("x".repeat(500), 100)).hasSizeLessThanOrEqualTo(100).endsWith("…");
        assertThat(PlainText.capLines("short\ntext", 100)).isEqualTo("short\ntext");
    }

    @Test
    void multiLineKeepsAtMostTwoBreaks() {
        assertThat(PlainText.multiLine("one\n\n\n\ntwo\nthree", 100)).isEqualTo("one\n\ntwo\nthree");
    }

    @Test
    void bidiOverridesAreRemovedButRightToLeftTextStays() {
        String hebrew = "חתול גולש";
        String arabic = "قطة تركب الأمواج";
        assertThat(PlainText.oneLine("a\u202Eevil\u202C " + hebrew + " " + arabic, 100))
                .isEqualTo("aevil " + hebrew + " " + arabic);
    }

    @Test
    void emojiSequencesSurvive() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(PlainText.oneLine("cats " + family + " \uD83C\uDFC4", 100)).isEqualTo("cats " + family
                + " \uD83C\uDFC4");
    }

    @Test
    void capEndsWithAnEllipsisAndNeverSplitsASurrogatePair() {
        assertThat(PlainText.cap("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(PlainText.cap("abc", 5)).isEqualTo("abc");
        String emojis = "\uD83C\uDFC4".repeat(10);
        String capped = PlainText.cap(emojis, 6);
        assertThat(capped).endsWith("…");
        assertThat(Character.isHighSurrogate(capped.charAt(capped.length() - 2))).isFalse();
    }

    @Test
    void nullIsEmpty() {
        assertThat(PlainText.oneLine(null, 10)).isEmpty();
    }
}
