package dev.reelbot.app;

import dev.reelbot.config.MediaConfig;
import dev.reelbot.config.ReelbotConfig;
import dev.reelbot.config.StoreConfig;
import dev.reelbot.config.Units;
import dev.reelbot.config.VideoApiConfig;
import dev.reelbot.core.ModelSpec;
import dev.reelbot.core.Secret;
import dev.reelbot.core.billing.Budgets;
import dev.reelbot.media.S3MediaStore;
import dev.reelbot.store.Databases;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** Prints a validated config for humans: what is enabled, where it connects, secrets masked. */
public final class ConfigSummary {
    private ConfigSummary() {
    }

    /**
     * Prints the summary; {@code mediaStore} is what {@link MediaSetup#check} found (the one line that contacts
     * anything).
     */
    public static void print(ReelbotConfig cfg, Transcoding transcoding, MediaSetup.StoreCheck mediaStore,
                             PrintStream out) {
        out.println(cfg.source() + ": valid");
        out.println("video API: " + cfg.videoApi().baseUrl() + " (key " + masked(cfg.videoApi().apiKey()) + ")");
        StringBuilder models = new StringBuilder();
        for (ModelSpec model : cfg.videoApi().models().all()) {
            models.append(models.length() == 0 ? "" : ", ").append(model.name())
                    .append(" [").append(model.durations()).append(" s, ").append(String.join("/", model.sizes()))
                    .append(model.price() == null ? ", no price" : ", " + model.price() + " " + cfg.billing().currency())
                    .append("]");
        }
        out.println("models (first is the default): " + models);
        int maxInFlight = cfg.videoApi().maxInFlight();
        out.println("capacity: " + (maxInFlight == VideoApiConfig.UNLIMITED ? "no limit on jobs in flight (learned "
                + "from the API's refusals)" : "at most " + maxInFlight + " jobs in flight at the video API")
                + "; jobs beyond it wait in the queue");
        out.println("billing: " + cfg.billing().currency() + "; budgets: " + budgets(cfg.billing().budgets()));
        out.println("usage export: GET /admin/usage.csv " + (cfg.adminToken().isPresent()
                ? "on (ADMIN_API_TOKEN " + masked(cfg.adminToken()) + ")" : "off (ADMIN_API_TOKEN not set)"));
        if (cfg.slack().enabled()) {
            out.println("slack: enabled, " + cfg.slack().mode().name().toLowerCase(Locale.ROOT) + " mode, command "
                    + cfg.slack().command() + ", API " + cfg.slack().apiBaseUrl() + " (bot token "
                    + masked(cfg.slack().botToken()) + ", app token " + masked(cfg.slack().appToken())
                    + ", signing secret " + masked(cfg.slack().signingSecret()) + "), refund notices in "
                    + cfg.slack().adminChannel());
        } else {
            out.println("slack: disabled");
        }
        if (cfg.discord().enabled()) {
            out.println("discord: enabled, API " + cfg.discord().apiBaseUrl() + ", gateway "
                    + cfg.discord().gatewayUrl() + " (token " + masked(cfg.discord().token()) + "), refund notices in "
                    + cfg.discord().adminChannel() + ", commands " + (cfg.discord().commandGuilds().isEmpty()
                    ? "global" : "in guilds " + cfg.discord().commandGuilds()) + ", " + shards(cfg));
        } else {
            out.println("discord: disabled");
        }
        out.println("console: " + (cfg.console().enabled() ? "enabled, user " + cfg.console().user() : "disabled"));
        out.println("store: " + store(cfg.store()));
        out.println("videos downloaded to " + cfg.engine().videoDir());
        out.println("quotas: " + cfg.quotas().concurrentPerUser() + " running, " + cfg.quotas().queuedPerUser()
                + " waiting and " + cfg.quotas().perUserPerDay() + " per 24 hours per user; prompts up to "
                + cfg.limits().maxPromptLength() + " characters");
        out.println("admins: " + (cfg.admins().users().isEmpty() ? "none (nobody can resolve refunds)"
                : String.join(", ", new TreeSet<>(cfg.admins().users()))));
        out.println("server: " + cfg.serverHost() + ":" + cfg.serverPort());
        MediaConfig media = cfg.media();
        out.println("media: finished videos kept in " + mediaStore.store() + " for "
                + Units.format(media.retention()) + ", at most " + Units.formatBytes(media.maxTotalBytes())
                + " (the oldest go first); " + mediaStore.problem().orElse("it answers"));
        out.println("video links: " + media.publicUrl().map(url -> url + "/v/{job}/{token}.mp4, each valid "
                + Units.format(cfg.engine().media().linkLifetime()) + " (signed with MEDIA_LINK_SECRET "
                + masked(media.linkSecret()) + ")").orElse("off (server.public-url is not set): a video over a "
                + "channel's limit that cannot be fitted is linked at the video API, until that link expires"));
        out.println("transcoding: " + transcoding.status());
    }

    /** Settings that work but probably not as meant; empty when there are none. */
    public static List<String> warnings(ReelbotConfig cfg) {
        List<String> warnings = new ArrayList<>();
        if (cfg.media().publicUrl().isPresent()
                && cfg.engine().media().linkLifetime().compareTo(cfg.media().retention()) > 0) {
            warnings.add("media.link-lifetime (" + Units.format(cfg.engine().media().linkLifetime())
                    + ") is longer than media.retention (" + Units.format(cfg.media().retention()) + "): links "
                    + "will answer 404 once their video is removed");
        }
        if (cfg.media().s3().isPresent() && cfg.videoApi().maxDownloadBytes() > S3MediaStore.MAX_OBJECT_BYTES) {
            warnings.add("video-api.max-download-size (" + Units.formatBytes(cfg.videoApi().maxDownloadBytes())
                    + ") is over the " + Units.formatBytes(S3MediaStore.MAX_OBJECT_BYTES) + " one S3 upload can "
                    + "hold: larger videos are delivered, but not kept in media.s3.bucket");
        }
        List<String> unpriced = cfg.videoApi().models().all().stream().filter(m -> m.price() == null)
                .map(ModelSpec::name).toList();
        if (cfg.billing().budgets().any() && !unpriced.isEmpty()) {
            warnings.add("budgets are set, but " + String.join(", ", unpriced) + " ha" + (unpriced.size() == 1
                    ? "s" : "ve") + " no price (video-api.models[].price): their jobs count nothing against them");
        }
        return warnings;
    }

    /** Which store, whether it answers (PostgreSQL is asked; a SQLite file is only looked at), and its leases. */
    private static String store(StoreConfig store) {
        String answer = Databases.ping(store.url(), store.user(), store.password());
        return store.describe() + (store.shared() ? " (password " + masked(store.password()) + "), " + answer
                + "; several instances may share it, each holding the jobs it steps for store.lease-ttl "
                + Units.format(store.leaseTtl()) : ", " + answer + "; one process at a time");
    }

    /** What budgets apply, e.g. "50.00 USD a month per channel, 500.00 USD for workspace T1". */
    private static String budgets(Budgets b) {
        if (!b.any()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (b.perChannel() != null) {
            parts.add(b.perChannel().format() + " a month per channel");
        }
        b.channels().forEach((id, limit) -> parts.add(limit.format() + " for channel " + id));
        if (b.perWorkspace() != null) {
            parts.add(b.perWorkspace().format() + " a month per workspace");
        }
        b.workspaces().forEach((id, limit) -> parts.add(limit.format() + " for workspace " + id));
        return String.join(", ", parts);
    }

    private static String masked(Optional<Secret> secret) {
        return secret.map(Secret::masked).orElse("not set");
    }

    /** How many gateway shards, and who holds them: with a shared store, one instance per shard at a time. */
    private static String shards(ReelbotConfig cfg) {
        int shards = cfg.discord().shards();
        String count = shards == 1 ? "1 gateway shard" : shards + " gateway shards";
        return count + (cfg.store().shared() ? " (each held by one instance at a time; the others stand by, "
                + "retrying every " + Units.format(cfg.discord().standbyRetry()) + ")" : " (all held here)");
    }
}
