package dev.reelbot.discord;

import dev.reelbot.core.command.Flag;
import dev.reelbot.core.text.Phrasing;
import java.util.Map;

/**
 * How the core's messages name commands and options on Discord: each command word is a slash command of its own
 * with typed options ({@code /video-status job:<job>}, {@code /video-admin resolve job:<job>}), and the reference
 * image is an attached file, not a URL.
 */
final class DiscordPhrasing implements Phrasing {
    static final DiscordPhrasing INSTANCE = new DiscordPhrasing();
    private static final Map<String, String> WORDS = Map.of("help", DiscordCommands.HELP,
            "models", DiscordCommands.MODELS, "list", DiscordCommands.LIST, "usage", DiscordCommands.USAGE);

    private DiscordPhrasing() {
    }

    @Override
    public String command(String commandName, String use) {
        String[] words = use.strip().split("\\s+", 3);
        String first = words[0];
        if (first.isEmpty()) {
            return "/" + DiscordCommands.VIDEO;
        }
        if (WORDS.containsKey(first) && words.length == 1) {
            return "/" + WORDS.get(first);
        }
        if (first.equals("status") && words.length <= 2) {
            return "/" + DiscordCommands.STATUS + " " + job(words);
        }
        if (first.equals("admin")) {
            return admin(words);
        }
        return "/" + DiscordCommands.VIDEO + " " + DiscordCommands.PROMPT + ":" + use.strip();
    }

    private static String admin(String[] words) {
        String command = "/" + DiscordCommands.ADMIN;
        if (words.length == 1) {
            return command;
        }
        if (words[1].equals(DiscordCommands.ADMIN_USAGE)) {
            return command + " " + DiscordCommands.ADMIN_USAGE + " [" + DiscordCommands.PERIOD + ":]";
        }
        if (words[1].equals(DiscordCommands.BUMP)) {
            return command + " " + DiscordCommands.BUMP + " " + DiscordCommands.JOB + ":<job>";
        }
        if (words[1].equals(DiscordCommands.RESOLVE)) {
            String[] rest = words.length > 2 ? words[2].split("\\s+", 2) : new String[0];
            return command + " " + DiscordCommands.RESOLVE + " " + DiscordCommands.JOB + ":"
                    + (rest.length > 0 ? rest[0] : "<job>") + " [" + DiscordCommands.NOTE + ":<note>]";
        }
        return command + " " + words[1];
    }

    private static String job(String[] words) {
        return DiscordCommands.JOB + ":" + (words.length > 1 ? words[1] : "<job>");
    }

    /** A typed option of {@code /video} ({@code duration:}), or {@code null}: then only an inline flag gives it. */
    @Override
    public String option(String name, String hint) {
        for (Map.Entry<String, Flag> option : DiscordCommands.OPTIONS.entrySet()) {
            if (option.getValue().optionName().equals(name)) {
                return option.getValue() == Flag.IMAGE ? option.getKey() + ":" : option.getKey() + ":" + hint;
            }
        }
        return null;
    }

    @Override
    public boolean attachesImages() {
        return true;
    }
}
