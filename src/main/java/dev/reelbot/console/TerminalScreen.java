package dev.reelbot.console;

import dev.reelbot.core.JobView;
import dev.reelbot.core.View;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console on a real terminal (JLine): finished messages, notices and answers scroll as lines; every running
 * job keeps one row in a live region just above the input line, redrawn in place as it progresses. While input is
 * open the live rows are the line editor's prompt, so a redraw never touches what is being typed; once input has
 * ended they are drawn alone.
 *
 * <p>Threading: workers call {@link #show} and {@link #note} while the console thread blocks in
 * {@link #readLine}. Both output methods hold this object's lock and then take JLine's; the console thread never
 * takes this lock while JLine's is held (the prompt is handed over in a volatile field), so they cannot deadlock.
 */
final class TerminalScreen implements ConsoleScreen {
    private static final Logger log = LoggerFactory.getLogger(TerminalScreen.class);
    static final String INPUT_PROMPT = "> ";
    private static final String REFRESH = "reelbot-refresh";

    private final Terminal terminal;
    private final LineReaderImpl reader;
    private final Display display;
    /** The terminal's settings before this screen took it: restored on close. */
    private final Attributes original;
    private final LiveRegion live = new LiveRegion();
    /** The live rows and the input prompt, as JLine's prompt pattern; read by the line editor's thread. */
    private volatile String prompt = INPUT_PROMPT;
    /** A line for the refresh widget to print above the live region; set only around one widget call. */
    private String above;
    private boolean inputOpen = true;
    private boolean interrupted;
    /** The terminal was closed under this screen; see {@link #onTerminal}. */
    private boolean gone;

    TerminalScreen(Terminal terminal) {
        this.terminal = terminal;
        DefaultParser literal = new DefaultParser();
        literal.setEofOnUnclosedQuote(false);
        literal.setEofOnEscapedNewLine(false);
        literal.setEscapeChars(new char[0]);
        this.reader = (LineReaderImpl) LineReaderBuilder.builder().terminal(terminal).parser(literal)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, true)
                .build();
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            reader.setPrompt(prompt);
            return true;
        });
        reader.getWidgets().put(REFRESH, this::refreshWhileReading);
        this.display = new Display(terminal, false);
        // No echo and no line discipline for the whole session, not only while the editor reads: keys typed while
        // a command is being handled would otherwise be echoed by the terminal itself, across the live region, and
        // in canonical mode the terminal itself would take a Ctrl+D typed between two reads as an end of file that
        // no read is there to see (the demo then never ends). Raw, every key waits as a character for the next
        // read. Signals stay on, so Ctrl+C still stops the program once the editor is not reading.
        this.original = terminal.getAttributes();
        Attributes quiet = new Attributes(original);
        quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        quiet.setLocalFlag(Attributes.LocalFlag.ICANON, false);
        quiet.setControlChar(Attributes.ControlChar.VMIN, 1);
        quiet.setControlChar(Attributes.ControlChar.VTIME, 0);
        terminal.setAttributes(quiet);
    }

    @Override
    public synchronized void show(String channel, String messageId, View view, boolean posted) {
        if (view instanceof JobView job && !job.isFinal()) {
            live.put(channel, messageId, job);
            redraw(null);
            return;
        }
        live.remove(messageId);
        redraw(TerminalText.safe(channel + " msg " + messageId + (posted ? " posted: " : " edited: ")
                + ConsoleFormat.line(view)));
    }

    @Override
    public synchronized void note(String channel, String text) {
        List<String> lines = new ArrayList<>();
        for (String part : text.split("\n")) {
            lines.add(TerminalText.safe(channel + " " + part));
        }
        redraw(String.join("\n", lines));
    }

    /** A line from elsewhere (a log line) for the person watching, shown above the live region. */
    synchronized void printAbove(String text) {
        redraw(text);
    }

    @Override
    public String readLine() {
        synchronized (this) {
            if (!inputOpen) {
                return null;
            }
        }
        try {
            String line = reader.readLine(prompt);
            synchronized (this) {
                if (!line.isBlank()) {
                    redraw(TerminalText.safe(INPUT_PROMPT + line));
                }
            }
            return line;
        } catch (EndOfFileException end) {
            endInput(false);
        } catch (UserInterruptException ctrlC) {
            endInput(true);
        } catch (IllegalStateException closed) {
            terminalGone(closed);
            endInput(false);
        }
        return null;
    }

    private synchronized void endInput(boolean ctrlC) {
        inputOpen = false;
        interrupted = ctrlC;
        redraw(null);
    }

    @Override
    public synchronized boolean interrupted() {
        return interrupted;
    }

    @Override
    public synchronized void close() {
        inputOpen = false;
        onTerminal(() -> {
            display.update(List.of(), 0);
            terminal.flush();
            terminal.setAttributes(original);
        });
    }

    /** Shows the live region as it is now, with {@code line} (if any) printed above it. Called holding the lock. */
    private void redraw(String line) {
        onTerminal(() -> draw(line));
    }

    /**
     * Runs a drawing action unless the terminal is gone. JLine closes a system terminal from its own shutdown hook
     * when the JVM exits (SIGTERM, or Ctrl+C while the demo waits), possibly before this screen is told: from then
     * on there is no screen to draw on, and the bot's stop must go on regardless.
     */
    private void onTerminal(Runnable action) {
        if (gone) {
            return;
        }
        try {
            action.run();
        } catch (IllegalStateException closed) {
            terminalGone(closed);
        }
    }

    private synchronized void terminalGone(IllegalStateException why) {
        gone = true;
        log.info("the terminal was closed ({}); the console chat shows nothing more", why.getMessage());
    }

    private void draw(String line) {
        Size size = terminal.getSize();
        int columns = Math.max(20, size.getColumns()) - 1;
        List<String> rows = live.lines(columns, Math.max(0, size.getRows() - 2));
        if (inputOpen) {
            prompt = promptPattern(rows);
            above = line;
            try {
                reader.callWidget(REFRESH);
            } catch (IllegalStateException betweenTwoReads) {
                // The editor is not reading this instant: the next read shows the new prompt by itself.
                if (line != null) {
                    reader.printAbove(line);
                }
            } finally {
                above = null;
            }
            return;
        }
        display.resize(size.getRows(), size.getColumns());
        if (line != null) {
            display.update(List.of(), 0);
            terminal.writer().println(line);
        }
        List<AttributedString> drawn = rows.stream().map(AttributedString::new).toList();
        int last = drawn.size() - 1;
        display.update(drawn, last < 0 ? 0 : last * (size.getColumns() + 1) + drawn.get(last).columnLength());
        terminal.flush();
    }

    /** Runs on the caller's thread inside {@link LineReader#callWidget}, holding JLine's lock. */
    private boolean refreshWhileReading() {
        reader.setPrompt(prompt);
        if (above != null) {
            reader.printAbove(above);
        } else {
            reader.callWidget(LineReader.REDISPLAY);
        }
        return true;
    }

    /** The live rows, then the input prompt; {@code %} escaped, as JLine expands prompt patterns. */
    private static String promptPattern(List<String> rows) {
        StringBuilder text = new StringBuilder();
        for (String row : rows) {
            text.append(row.replace("%", "%%")).append('\n');
        }
        return text.append(INPUT_PROMPT).toString();
    }
}
