package dev.reelbot.core.text;

import java.util.Set;

/**
 * Makes untrusted text (a user's prompt, an API's error message) safe to store and print: no control characters
 * (line breaks kept only when asked), no invisible bidi overrides that could disguise the text around them, and a
 * length cap that never splits a surrogate pair. Platform escaping (mrkdwn, mentions) happens later, per platform.
 */
public final class PlainText {
    private static final String ELLIPSIS = "…";
    /** U+2400: the Unicode symbols for the control characters 0x00..0x1F follow it in order. */
    private static final int CONTROL_PICTURES = 0x2400;
    /** Room kept for the "… and N more lines" ending. */
    private static final int MORE_LINES_ROOM = 32;
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

    /**
     * Text safe to print on a terminal or to send as a reply, line breaks kept: every other control character is
     * shown as a visible symbol (ESC as ␛, BEL as ␇, tab as a space) instead of acting on the terminal, and bidi
     * overrides, which could make the text around them read differently, are dropped.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().noneMatch(cp -> cp != '\n' && (Character.isISOControl(cp) || isBidiControl(cp)))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || !Character.isISOControl(cp) && !isBidiControl(cp)) {
                out.appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append(' ');
            } else if (cp < 0x20) {
                out.append((char) (CONTROL_PICTURES + cp));
            } else if (cp == 0x7f) {
                out.append('\u2421');
            } else if (!isBidiControl(cp)) {
                out.append('\uFFFD');
            }
        });
        return out.toString();
    }

    /**
     * At most {@code maxChars}: whole lines while they fit, then "… and N more lines" (a first line longer than that
     * is cut with an ellipsis). For replies, so a flood of problems never becomes a flood of output.
     */
    public static String capLines(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        int room = Math.max(1, maxChars - MORE_LINES_ROOM);
        StringBuilder out = new StringBuilder();
        int kept = 0;
        while (kept < lines.length && out.length() + (kept > 0 ? 1 : 0) + lines[kept].length() <= room) {
            out.append(kept > 0 ? "\n" : "").append(lines[kept++]);
        }
        if (kept == 0) {
            out.append(cap(lines[kept++], room));
        }
        int more = lines.length - kept;
        return more == 0 ? out.toString() : out + "\n… and " + more + " more line" + (more == 1 ? "" : "s");
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
