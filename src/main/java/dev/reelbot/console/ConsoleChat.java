package dev.reelbot.console;

import dev.reelbot.core.CommandHandler;
import dev.reelbot.core.PlainText;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as a chat: each input line is a command typed by one user ({@code /video a cat surfing}; the
 * {@code /video} may be left out), in {@code #general} unless the line starts with another channel
 * ({@code #random /video ...}). Replies are shown as private notes; job messages come through
 * {@link ConsoleChatPort}.
 */
public final class ConsoleChat {
    private static final Logger log = LoggerFactory.getLogger(ConsoleChat.class);
    public static final String DEFAULT_CHANNEL = "general";
    private static final String COMMAND = "/video";
    /** A console channel name: letters and digits of any script, and {@code . - _}. */
    private static final Pattern CHANNEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,79}");
    /** The longest reply printed: a terminal has no limit of its own, and a flood helps no one. */
    static final int MAX_REPLY_CHARS = 4000;

    private final ConsoleScreen screen;
    private final ConsoleChatPort port;
    private final String user;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private ConsoleChat(ConsoleScreen screen, ConsoleChatPort port, String user) {
        this.screen = screen;
        this.port = port;
        this.user = user;
    }

    /**
     * A console chat on these streams.
     *
     * @param terminal whether stdout is a terminal (in-place redraw) or not (one line per post and edit)
     * @param videoDir where "uploaded" videos are saved
     * @param user     the name of the person typing
     */
    public static ConsoleChat create(PrintStream out, boolean terminal, int width, Path videoDir, String user) {
        ConsoleScreen screen = new ConsoleScreen(out, terminal, width);
        return new ConsoleChat(screen, new ConsoleChatPort(screen, videoDir), user);
    }

    public ConsoleChatPort port() {
        return port;
    }

    /** Answers one typed command: {@link CommandHandler#handle(Requester, String, String)}, or a stand-in. */
    @FunctionalInterface
    interface Commands {
        Reply handle(Requester who, String text, String requestKey);
    }

    /**
     * Reads commands until the input ends, answering each. A command that fails in a way nobody foresaw is logged
     * and answered with a short line; the console goes on reading.
     */
    public void readCommands(InputStream in, CommandHandler commands) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            screen.echoed();
            handleLineSafely(line, commands::handle, lineNumber);
        }
    }

    void handleLineSafely(String line, Commands commands, int lineNumber) {
        try {
            handleLine(line, commands, "console:" + runId + ":" + lineNumber);
        } catch (RuntimeException e) {
            log.error("console command on line {} failed", lineNumber, e);
            note(DEFAULT_CHANNEL, "Something went wrong on the bot's side; it was logged (console line " + lineNumber
                    + ").");
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
                note(DEFAULT_CHANNEL, "A channel name is letters, digits, '.', '-' and '_' (at most 80), like "
                        + "#general; not " + PlainText.cap(channel, 40) + ".");
                return;
            }
        }
        Requester who = new Requester(ConsoleChatPort.PLATFORM, ConsoleChatPort.WORKSPACE, channel, user, user);
        if (text.startsWith("/") && !text.equals(COMMAND) && !text.startsWith(COMMAND + " ")) {
            note(channel, "Unknown command " + PlainText.cap(text.split("\\s+")[0], 40) + ". Type " + COMMAND
                    + " help.");
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
