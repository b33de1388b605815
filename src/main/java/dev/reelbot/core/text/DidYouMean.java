package dev.reelbot.core.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the word a typo meant: the closest known word by edit distance, counting a swap of two letters as one. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The known word closest to {@code typed} (case-insensitive) within {@code maxDistance}, if one is. */
    public static Optional<String> closest(String typed, Collection<String> known, int maxDistance) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = maxDistance + 1;
        for (String word : known) {
            int d = distance(lower, word.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = word;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
