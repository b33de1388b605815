package dev.reelbot.discord;

import dev.reelbot.core.job.JobIds;
import dev.reelbot.core.text.Texts;
import java.util.Locale;
import java.util.Optional;

/**
 * What a button does and to which job, carried in its custom id ({@code reelbot:reroll:abcd2345}), so a click
 * works from any message, days later and after a restart: nothing about the button is kept in memory. The Edit
 * prompt form carries the same id as the button that opened it.
 */
record ButtonId(Action action, String jobId) {
    private static final String PREFIX = "reelbot:";

    /** The buttons the bot offers. */
    enum Action {
        REROLL("reroll"),
        EDIT("edit"),
        DETAILS("details"),
        RESOLVE("resolve"),
        CANCEL("cancel");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        /** The button's label in the reader's language. */
        String label(Texts t) {
            return t.get("discord.button." + key);
        }
    }

    String customId() {
        return PREFIX + action.key + ":" + jobId;
    }

    /** The button a custom id names; empty for ids that are not reelbot's or not well formed. */
    static Optional<ButtonId> parse(String customId) {
        if (customId == null || !customId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = customId.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2 || !JobIds.looksLikeId(parts[1])) {
            return Optional.empty();
        }
        for (Action action : Action.values()) {
            if (action.key.equals(parts[0])) {
                return Optional.of(new ButtonId(action, parts[1].toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }
}
