package dev.reelbot.console;

import dev.reelbot.core.CommandHandler;
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

/**
 * The console as a chat: each input line is a command typed by one user ({@code /video a cat surfing}; the
 * {@code /video} may be left out), in {@code #general} unless the line starts with another channel
 * ({@code #random /video ...}). Replies are shown as private notes; job messages come through
 * {@link ConsoleChatPort}.
 */
public final class ConsoleChat {
    public static final String DEFAULT_CHANNEL = "general";
    private static final String COMMAND = "/video";

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

    /** Reads commands until the input ends, answering each. */
    public void readCommands(InputStream in, CommandHandler commands) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            screen.echoed();
            handleLine(line, commands::handle, "console:" + runId + ":" + lineNumber);
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
        }
        Requester who = new Requester(ConsoleChatPort.PLATFORM, ConsoleChatPort.WORKSPACE, channel, user, user);
        if (text.startsWith("/") && !text.equals(COMMAND) && !text.startsWith(COMMAND + " ")) {
            screen.note("#" + channel + " (to " + user + ")", "Unknown command "
                    + text.split("\\s+")[0] + ". Type " + COMMAND + " help.");
            return;
        }
        String command = text.startsWith(COMMAND) ? text.substring(COMMAND.length()) : text;
        Reply reply = commands.handle(who, command, requestKey);
        screen.note("#" + channel + " (to " + user + ")", reply.text());
    }
}
