package dev.reelbot.app;

import dev.reelbot.config.VideoApiConfig;
import dev.reelbot.core.Secret;
import dev.reelbot.core.deliver.DownloadSettings;
import dev.reelbot.videoapi.HttpVideoApi;
import dev.reelbot.videoapi.VideoApiSettings;

/** The video API client a command talks to, as the {@code video-api} section configures it. */
public final class VideoApis {
    private VideoApis() {
    }

    /**
     * The client for the API at {@code baseUrl} with {@code key}: the configured one ({@code run}), or the one the
     * demo was pointed at (its own simulator, or {@code --api-url}).
     */
    public static HttpVideoApi connect(VideoApiConfig cfg, String baseUrl, Secret key, DownloadSettings downloads) {
        return HttpVideoApi.connect(new VideoApiSettings(baseUrl, key, cfg.models(), cfg.connectTimeout(),
                cfg.requestTimeout(), cfg.getAttempts(), cfg.statusWords(), downloads));
    }
}
