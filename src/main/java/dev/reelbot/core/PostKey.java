package dev.reelbot.core;

/**
 * Makes a post idempotent across retries and restarts: a key unique to one message, stored before the post is
 * attempted, and whether an earlier attempt with this key may already have posted it (it was retried after a
 * failure, or the bot stopped between posting and recording). Adapters use it as the platform allows: Discord
 * deduplicates by nonce; Slack looks for a recent message carrying the key.
 *
 * @param value     the key, at most 25 characters
 * @param maybeSent whether a message with this key may already exist
 */
public record PostKey(String value, boolean maybeSent) {
    public PostKey {
        if (value == null || value.isBlank() || value.length() > 25) {
            throw new IllegalArgumentException("a post key is 1 to 25 characters: " + value);
        }
    }
}
