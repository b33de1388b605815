package dev.reelbot.console;

import dev.reelbot.core.JobView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;

/**
 * The running jobs a terminal shows above its input line, one row each in the order they were posted. A row is
 * fitted to the width as the terminal measures it (an emoji takes two cells): the progress bar and elapsed time
 * always show; the prompt is shortened and the settings dropped to make room, so a row never wraps.
 *
 * <p>Threading: not thread-safe; {@link TerminalScreen} guards it.
 */
final class LiveRegion {
    private static final int SHORTEST_PROMPT = 8;

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** One running job's message. */
    private record Row(String channel, String messageId, JobView view) {
    }

    void put(String channel, String messageId, JobView view) {
        rows.put(messageId, new Row(channel, messageId, view));
    }

    /** Whether the message was shown here. */
    boolean remove(String messageId) {
        return rows.remove(messageId) != null;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows to draw within {@code columns} and at most {@code maxRows} rows (the last may count the rest). */
    List<String> lines(int columns, int maxRows) {
        List<String> lines = new ArrayList<>();
        int shown = rows.size() <= maxRows ? rows.size() : Math.max(0, maxRows - 1);
        for (Row row : rows.values()) {
            if (lines.size() == shown) {
                break;
            }
            lines.add(fit(row, columns));
        }
        if (shown < rows.size() && maxRows > 0) {
            lines.add(cut("… and " + (rows.size() - shown) + " more running", columns));
        }
        return lines;
    }

    /** {@code #general abcd2345 🎬 Generating ▓▓▓▓░░░░░░ 40% · 12s · "a cat surfing" · sora-2 · 4 s · 720x1280}. */
    private static String fit(Row row, int columns) {
        JobView view = row.view();
        String core = TerminalText.safe(row.channel() + " " + row.messageId() + " " + view.headline()
                + (view.progressBar() == null ? "" : " " + view.progressBar()) + " · " + view.elapsed());
        String prompt = TerminalText.safe(view.prompt());
        String settings = " · " + TerminalText.safe(view.settings());
        String full = core + " · \"" + prompt + "\"";
        if (width(full + settings) <= columns) {
            return full + settings;
        }
        if (width(full) <= columns) {
            return full;
        }
        int room = columns - width(core + " · \"…\"");
        if (room >= SHORTEST_PROMPT) {
            return core + " · \"" + TerminalText.columns(prompt, room) + "…\"";
        }
        return cut(core, columns);
    }

    private static String cut(String text, int columns) {
        return width(text) <= columns ? text : TerminalText.columns(text, columns - 1) + "…";
    }

    private static int width(String text) {
        return new AttributedString(text).columnLength();
    }
}
