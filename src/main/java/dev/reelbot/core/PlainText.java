package dev.reelbot.core;

import java.util.Set;

/**
 * Makes untrusted text (a user's prompt, an API's error message) safe to store and print: no control characters
 * (line breaks kept only when asked), no invisible bidi overrides that could disguise the text around them, and a
 * length cap that never splits a surrogate pair. Platform escaping (mrkdwn, mentions) happens later, per platform.
 */
public final class PlainText {
    private static final String ELLIPSIS = "…";
    /** Hangul fillers, the Mongolian vowel separator and the blank Braille pattern: letters that show nothing. */
    private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E, 0x2800);

    private PlainText() {
    }

    /** One line: control characters and line breaks become spaces, runs of spaces collapse, trimmed, capped. */
    public static String oneLine(String text, int maxChars) {
        return cap(clean(text, false), maxChars);
    }

    /** Like {@link #oneLine} but line breaks survive (at most two in a row). */
    public static String multiLine(String text, int maxChars) {
        return cap(clean(text, true), maxChars);
    }

    /** Cuts {@code text} to at most {@code maxChars} UTF-16 units, ending with an ellipsis when it cut. */
    public static String cap(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Math.max(0, maxChars - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static String clean(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 4096));
        int newlines = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' && keepNewlines) {
                if (newlines < 2 && out.length() > 0) {
                    out.append('\n');
                }
                newlines++;
                pendingSpace = false;
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || isBidiControl(cp)) {
                pendingSpace = !isBidiControl(cp) || pendingSpace;
                continue;
            }
            if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(' ');
            }
            pendingSpace = false;
            newlines = 0;
            out.appendCodePoint(cp);
        }
        return out.toString().strip();
    }

    /**
     * Whether the text shows anything: a letter, digit, mark of punctuation or symbol, not counting format
     * characters (zero-width spaces and joiners), combining marks alone, and the letters that render blank.
     */
    public static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(cp -> switch (Character.getType(cp)) {
            case Character.FORMAT, Character.CONTROL, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> false;
            default -> !BLANK_LETTERS.contains(cp);
        });
    }

    /** Explicit direction overrides and isolates (U+202A..U+202E, U+2066..U+2069): they can reorder what follows. */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
