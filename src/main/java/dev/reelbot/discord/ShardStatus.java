package dev.reelbot.discord;

/**
 * What this instance does for one gateway shard.
 *
 * @param shard   its number, from 0
 * @param total   the bot's shard count
 * @param role    holding it, connecting, or standing by for it
 * @param problem the last failure to connect, register the commands, or keep the lock; {@code null} when none
 */
public record ShardStatus(int shard, int total, Role role, String problem) {
    /** This instance's part in the shard. */
    public enum Role {
        /** Holds the lock and the gateway session is up. */
        HOLDING,
        /** Holds the lock; JDA is reconnecting the session Discord dropped. */
        RECONNECTING,
        /** Just took the lock; the session is connecting. */
        CONNECTING,
        /** Another instance holds it (or nobody could connect it lately): this one takes it if it becomes free. */
        STANDBY
    }

    /** One line for {@code /healthz}, e.g. {@code shard 0/1: holding (connected)}. */
    public String describe() {
        String what = switch (role) {
            case HOLDING -> "holding (connected)";
            case RECONNECTING -> "holding (reconnecting)";
            case CONNECTING -> "holding (connecting)";
            case STANDBY -> "standby (another instance holds it, or it is free and will be taken at the next try)";
        };
        return "shard " + shard + "/" + total + ": " + what + (problem == null ? "" : "; last problem: " + problem);
    }
}
