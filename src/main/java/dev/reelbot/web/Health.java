package dev.reelbot.web;

/**
 * One component's health for {@code GET /healthz}.
 *
 * @param up     whether it works
 * @param detail why not, or a short note
 */
public record Health(boolean up, String detail) {
    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
