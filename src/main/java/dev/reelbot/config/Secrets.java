package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.util.Map;
import java.util.Optional;

/** The credentials, read only from the environment so they never sit in a committed file. */
final class Secrets {
    static final String VIDEO_API_KEY = "VIDEO_API_KEY";
    static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
    static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
    static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    static final String DISCORD_TOKEN = "DISCORD_TOKEN";
    static final String MEDIA_LINK_SECRET = "MEDIA_LINK_SECRET";
    /** The bearer token of {@code GET /admin/usage.csv}; without it the route is off. */
    static final String ADMIN_API_TOKEN = "ADMIN_API_TOKEN";
    static final String MEDIA_S3_ACCESS_KEY_ID = "MEDIA_S3_ACCESS_KEY_ID";
    static final String MEDIA_S3_SECRET_ACCESS_KEY = "MEDIA_S3_SECRET_ACCESS_KEY";
    static final String STORE_PASSWORD = "STORE_PASSWORD";
    static final String NAMES = String.join(", ", VIDEO_API_KEY, SLACK_BOT_TOKEN, SLACK_APP_TOKEN,
            SLACK_SIGNING_SECRET, DISCORD_TOKEN, MEDIA_LINK_SECRET, ADMIN_API_TOKEN, MEDIA_S3_ACCESS_KEY_ID,
            MEDIA_S3_SECRET_ACCESS_KEY, STORE_PASSWORD);

    private final Map<String, String> env;

    Secrets(Map<String, String> env) {
        this.env = env;
    }

    Optional<Secret> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    /** Reports {@code name} as missing when {@code secret} is empty; {@code because} says why it is needed. */
    void require(ConfigNode node, Optional<Secret> secret, String name, String because) {
        if (secret.isEmpty()) {
            node.problem("environment", name, "not set, but " + because + "; export " + name);
        }
    }
}
