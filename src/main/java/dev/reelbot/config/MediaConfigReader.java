package dev.reelbot.config;

import dev.reelbot.core.Secret;
import dev.reelbot.core.deliver.MediaSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads what media needs: the {@code media} section, {@code server.public-url} and the transcoding keys. */
final class MediaConfigReader {
    /** The shortest {@code MEDIA_LINK_SECRET} accepted: an HMAC key should be as long as its hash. */
    static final int MIN_SECRET_LENGTH = 32;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private MediaConfigReader() {
    }

    /** The engine's part: {@code delivery.transcode}, {@code delivery.transcode-workers}, the link lifetime. */
    static MediaSettings engine(ConfigNode delivery, ConfigNode media) {
        MediaSettings d = MediaSettings.DEFAULTS;
        String mode = delivery.string("transcode", "auto").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("off")) {
            delivery.problem(delivery.fileLabel(), delivery.dotted("transcode"), "'" + mode + "' is not auto or off");
        }
        int workers = delivery.integer("transcode-workers", d.transcodeWorkers(), 1, 16);
        Duration lifetime = media.duration("link-lifetime", d.linkLifetime(), Duration.ofMinutes(1));
        return new MediaSettings(!mode.equals("off"), workers, lifetime);
    }

    /** The rest: the store, the links, ffmpeg. Finishes {@code media}; {@code delivery} is finished by its reader. */
    static MediaConfig read(ConfigNode delivery, ConfigNode media, Optional<String> publicUrl, Secrets secrets) {
        String ffmpeg = delivery.string("ffmpeg", "").strip();
        Duration timeout = delivery.duration("transcode-timeout", Duration.ofMinutes(5), Duration.ofSeconds(10));
        Path dir = EngineConfigReader.path(media, "dir", Path.of("data", "media"));
        Duration retention = media.duration("retention", Duration.ofDays(30), Duration.ofHours(1));
        long maxTotal = media.bytes("max-total-size", 20L * 1024 * 1024 * 1024, 1024 * 1024);
        Optional<S3MediaConfig> s3 = S3MediaReader.read(media.section("s3"), secrets);
        media.finish();
        Optional<Secret> secret = secrets.get(Secrets.MEDIA_LINK_SECRET);
        if (publicUrl.isPresent()) {
            if (secret.isEmpty()) {
                media.problem("environment", Secrets.MEDIA_LINK_SECRET, "not set, but server.public-url is, so video "
                        + "links are signed with it; export " + Secrets.MEDIA_LINK_SECRET + " (at least "
                        + MIN_SECRET_LENGTH + " random characters, e.g. from: openssl rand -base64 33)");
            } else if (secret.get().reveal().length() < MIN_SECRET_LENGTH) {
                media.problem("environment", Secrets.MEDIA_LINK_SECRET, "is shorter than " + MIN_SECRET_LENGTH
                        + " characters; use a long random value (e.g. from: openssl rand -base64 33)");
            }
        }
        return new MediaConfig(dir, s3, retention, maxTotal, publicUrl, secret, ffmpeg, timeout);
    }

    /**
     * {@code server.public-url}: empty when unset; an {@code https://} root (plain {@code http://} only for this
     * machine, for trying it locally), without a query, its trailing slash dropped.
     */
    static Optional<String> publicUrl(ConfigNode server) {
        String text = server.string("public-url", "").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean local = uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
            if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || !(scheme.equals("https") || scheme.equals("http") && local)) {
                throw new URISyntaxException(text, "not an https root");
            }
        } catch (URISyntaxException e) {
            server.problem(server.fileLabel(), server.dotted("public-url"), "'" + text + "' is not the bot's public "
                    + "root like https://reelbot.example.com (https; http only for 127.0.0.1 or localhost)");
            return Optional.empty();
        }
        return Optional.of(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
