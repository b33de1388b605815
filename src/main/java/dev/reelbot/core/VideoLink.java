package dev.reelbot.core;

import java.time.Instant;

/**
 * A link users are given to a video: the bot's own signed link to its kept copy, or the video API's result link.
 *
 * @param url       the link
 * @param expiresAt when it stops working, or {@code null} when unknown
 */
public record VideoLink(String url, Instant expiresAt) {
}
