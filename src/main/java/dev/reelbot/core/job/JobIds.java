package dev.reelbot.core.job;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Job ids users can read aloud and type: 8 characters without look-alikes (no i, l, o, 0, 1). */
public final class JobIds {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {
    }

    public static String next() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }

    /** Whether {@code text} has the shape of a job id (case-insensitive). */
    public static boolean looksLikeId(String text) {
        return SHAPE.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches();
    }
}
