package dev.reelbot.web;

/**
 * One component's health for {@code GET /healthz}.
 *
 * @param status whether it works: up, degraded (working, with trouble an operator should see), or down
 * @param detail why not, or a short note
 */
public record Health(Status status, String detail) {

    /** A component's status; the worst one decides the report's. */
    public enum Status { UP, DEGRADED, DOWN }

    public static Health up(String detail) {
        return new Health(Status.UP, detail);
    }

    /** Working, but with trouble an operator should see (the answer stays 200). */
    public static Health degraded(String detail) {
        return new Health(Status.DEGRADED, detail);
    }

    public static Health down(String detail) {
        return new Health(Status.DOWN, detail);
    }

    /** Whether it works at all (up or degraded). */
    public boolean up() {
        return status != Status.DOWN;
    }
}
