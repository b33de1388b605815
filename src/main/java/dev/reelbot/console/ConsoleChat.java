package dev.reelbot.console;

import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.engine.CommandHandler;
import dev.reelbot.core.text.PlainText;
import dev.reelbot.core.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as a chat: each input line is a command typed by one user ({@code /video a cat surfing}; the
 * {@code /video} may be left out), in {@code #general} unless the line starts with another channel
 * ({@code #random /video ...}). Replies are shown as private notes; job messages come through
 * {@link ConsoleChatPort}.
 */
public final class ConsoleChat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleChat.class);
    public static final String DEFAULT_CHANNEL = "general";
    private static final String COMMAND = "/video";
    /** A console channel name: letters and digits of any script, and {@code . - _}. */
    private static final Pattern CHANNEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,79}");
    /** The longest reply printed: a terminal has no limit of its own, and a flood helps no one. */
    static final int MAX_REPLY_CHARS = 4000;
    /** The exit status of a process ended by SIGINT (128 + 2), as the JVM's own handler uses. */
    private static final int SIGINT_EXIT = 130;

    private final ConsoleScreen screen;
    private final ConsoleChatPort port;
    private final String user;
    private final Terminal terminal;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private ConsoleChat(ConsoleScreen screen, Path videoDir, String user, Terminal terminal) {
        this.screen = screen;
        this.port = new ConsoleChatPort(screen, videoDir);
        this.user = user;
        this.terminal = terminal;
    }

    /** How reading commands ended. */
    public enum Ending {
        /** The input was closed (end of a pipe, Ctrl+D). */
        END_OF_INPUT,
        /** The person pressed Ctrl+C. */
        INTERRUPTED
    }

    /**
     * A console chat with one line per post and edit on {@code out}, commands read from {@code in}.
     *
     * @param videoDir where "uploaded" videos are saved
     * @param user     the name of the person typing
     */
    public static ConsoleChat plain(InputStream in, PrintStream out, Path videoDir, String user) {
        return new ConsoleChat(new PlainScreen(in, out), videoDir, user, null);
    }

    /** A console chat on a terminal: running jobs redrawn in place above the input line. */
    public static ConsoleChat onTerminal(Terminal terminal, Path videoDir, String user) {
        return new ConsoleChat(new TerminalScreen(terminal), videoDir, user, terminal);
    }

    /**
     * On this process's terminal when {@code interactive} and the terminal can redraw (not a dumb one), else
     * plain lines on these streams.
     */
    public static ConsoleChat open(boolean interactive, InputStream in, PrintStream out, Path videoDir, String user)
            throws IOException {
        if (interactive) {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            String type = terminal.getType();
            if (!Terminal.TYPE_DUMB.equals(type) && !Terminal.TYPE_DUMB_COLOR.equals(type)) {
                // JLine hands Ctrl+C's SIGINT to the operating system's default, which ends the process at once
                // and skips the shutdown hooks; give it the JVM's meaning back: exit through the hooks (the
                // graceful stop, the demo's word on unfinished jobs). While a line is read, JLine reads Ctrl+C.
                terminal.handle(Terminal.Signal.INT, signal -> System.exit(SIGINT_EXIT));
                return onTerminal(terminal, videoDir, user);
            }
            terminal.close();
        }
        return plain(in, out, videoDir, user);
    }

    public ConsoleChatPort port() {
        return port;
    }

    /**
     * Where other output (log lines) can be shown without breaking the screen: above the live region on a
     * terminal, with no control character left raw; empty when lines are plain (they can go to stderr as they are).
     */
    public Optional<Consumer<String>> linesAbove() {
        return screen instanceof TerminalScreen live ? Optional.of(line -> live.printAbove(PlainText.printable(line)))
                : Optional.empty();
    }

    /** Answers one typed command: {@link CommandHandler#handle(Requester, String, String)}, or a stand-in. */
    @FunctionalInterface
    interface Commands {
        Reply handle(Requester who, String text, String requestKey);
    }

    /**
     * Reads commands until the input ends or Ctrl+C is pressed, answering each. A command that fails in a way nobody
     * foresaw is logged and answered with a short line; the console goes on reading.
     */
    public Ending readCommands(CommandHandler commands) throws IOException {
        return readCommands((Commands) commands::handle);
    }

    Ending readCommands(Commands commands) throws IOException {
        int lineNumber = 0;
        for (String line; (line = screen.readLine()) != null; ) {
            lineNumber++;
            handleLineSafely(line, commands, lineNumber);
        }
        return screen.interrupted() ? Ending.INTERRUPTED : Ending.END_OF_INPUT;
    }

    void handleLineSafely(String line, Commands commands, int lineNumber) {
        try {
            handleLine(line, commands, "console:" + runId + ":" + lineNumber);
        } catch (RuntimeException e) {
            log.error("console command on line {} failed", lineNumber, e);
            note(DEFAULT_CHANNEL, Texts.ENGLISH.get("console.went-wrong", String.valueOf(lineNumber)));
        }
    }

    /** Clears the live region and gives the terminal back as it was. */
    @Override
    public void close() throws IOException {
        screen.close();
        if (terminal != null) {
            terminal.close();
        }
    }

    void handleLine(String line, Commands commands, String requestKey) {
        String text = line.strip();
        if (text.isEmpty()) {
            return;
        }
        String channel = DEFAULT_CHANNEL;
        if (text.startsWith("#")) {
            int space = text.indexOf(' ');
            channel = space < 0 ? text.substring(1) : text.substring(1, space);
            text = space < 0 ? "" : text.substring(space + 1).strip();
            if (!CHANNEL.matcher(channel).matches()) {
                note(DEFAULT_CHANNEL, Texts.ENGLISH.get("console.bad-channel", PlainText.cap(channel, 40)));
                return;
            }
        }
        Requester who = new Requester(ConsoleChatPort.PLATFORM, ConsoleChatPort.WORKSPACE, channel, user, user);
        if (text.startsWith("/") && !text.equals(COMMAND) && !text.startsWith(COMMAND + " ")) {
            note(channel, Texts.ENGLISH.get("console.unknown-command", PlainText.cap(text.split("\\s+")[0], 40),
                    COMMAND + " help"));
            return;
        }
        String command = text.startsWith(COMMAND) ? text.substring(COMMAND.length()) : text;
        note(channel, commands.handle(who, command, requestKey).text());
    }

    /** A private note to the person typing: printable, capped. */
    private void note(String channel, String text) {
        screen.note("#" + channel + " (to " + PlainText.printable(user) + ")",
                PlainText.capLines(PlainText.printable(text), MAX_REPLY_CHARS));
    }
}
