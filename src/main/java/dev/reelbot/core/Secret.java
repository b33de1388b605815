package dev.reelbot.core;

import java.util.Objects;

/**
 * A credential (API key, bot token) that never shows itself: {@link #toString()} is masked, so a secret logged or
 * printed by accident reveals nothing. Only the code that sends it reads {@link #reveal()}.
 */
public final class Secret {
    private static final int SHOWN_TAIL = 4;
    private static final int MIN_LENGTH_TO_SHOW_TAIL = 16;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
        return new Secret(value.strip());
    }

    /** The secret itself: pass it straight to the one header or call that needs it. */
    public String reveal() {
        return value;
    }

    /**
     * A form safe to print: long secrets keep their last four characters so an operator can tell two keys apart.
     */
    public String masked() {
        if (value.length() < MIN_LENGTH_TO_SHOW_TAIL) {
            return "****";
        }
        return "****" + value.substring(value.length() - SHOWN_TAIL);
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
