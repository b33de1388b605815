package dev.reelbot.core.text;

/**
 * How a platform writes the bot's commands and options in a message: {@code /video status <job>} where commands
 * are typed as text (Slack, the console), {@code /video-status job:<job>} on Discord. The core's messages name
 * commands as {@link Msg.Cmd}, and help lists options with {@link #option}; the asker's platform words them.
 */
public interface Phrasing {
    /** Commands and options as typed text: {@code /video status <job>}, {@code --duration S}. */
    Phrasing TYPED = new Phrasing() {
    };

    /** A command: the bot's command name ({@code /video}) and what follows it ({@code status <job>}, or empty). */
    default String command(String commandName, String use) {
        return use.isEmpty() ? commandName : commandName + " " + use;
    }

    /**
     * An option as it is given: {@code --duration S}; {@code hint} is the value's placeholder (may be empty).
     * {@code null} when the platform offers no such option by itself (help then leaves it out of its list).
     */
    default String option(String name, String hint) {
        return hint.isEmpty() ? "--" + name : "--" + name + " " + hint;
    }

    /** Whether the reference image is an attached file here (Discord) rather than a URL typed after a flag. */
    default boolean attachesImages() {
        return false;
    }
}
