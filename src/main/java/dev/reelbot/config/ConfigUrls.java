package dev.reelbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The URLs of the config (API roots, the gateway): a scheme the key accepts and a host, else a problem. */
final class ConfigUrls {
    private ConfigUrls() {
    }

    /** Reads {@code key} (or {@code fallback}) and checks it. */
    static String read(ConfigNode node, String key, String fallback, Set<String> schemes) {
        String text = node.string(key, fallback).strip();
        check(node, key, text, schemes);
        return text;
    }

    /** Reports a problem with {@code key} unless {@code text} is a URL with one of {@code schemes} and a host. */
    static void check(ConfigNode node, String key, String text, Set<String> schemes) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new URISyntaxException(text, "no scheme or host");
            }
        } catch (URISyntaxException e) {
            node.problem(node.fileLabel(), node.dotted(key), "'" + text + "' is not a URL starting with "
                    + String.join(" or ", new TreeSet<>(schemes).stream().map(s -> s + "://").toList()));
        }
    }
}
