package dev.reelbot.videoapi;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Secret;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.deliver.DownloadSettings;
import dev.reelbot.simulator.ApiSimulator;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** The real HTTP client pointed at a simulator or a fake gateway on loopback, with no real sleeps between retries. */
public final class TestApis {
    private static final GetRetryPolicy QUICK_RETRIES = new GetRetryPolicy(3, Duration.ofMillis(1),
            Duration.ofMillis(5), Duration.ofSeconds(5));

    private TestApis() {
    }

    public static VideoApi forSimulator(ApiSimulator simulator, ModelCatalog models, Clock clock,
                                        Duration readTimeout) {
        return forUrl(simulator.baseUrl() + "/v1", simulator.apiKey(), models, clock, readTimeout);
    }

    public static VideoApi forUrl(String baseUrl, String key, ModelCatalog models, Clock clock, Duration readTimeout) {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
        return new HttpVideoApi(http, baseUrl, Secret.of(key), models, QUICK_RETRIES, wait -> { }, clock,
                OutboundPolicy.permissiveForTests());
    }

    /** Downloads under {@code downloads}, their minimum rate judged over {@code rateWindow} (short, for tests). */
    public static VideoApi withDownloads(String baseUrl, ModelCatalog models, Clock clock, DownloadSettings downloads,
                                         Duration rateWindow) {
        return new HttpVideoApi(new OkHttpClient(), baseUrl, Secret.of("test-key"), models, QUICK_RETRIES,
                wait -> { }, clock, OutboundPolicy.permissiveForTests(), downloads, rateWindow);
    }

    /**
     * The client as in production (public addresses only, every redirect hop checked), except that
     * {@code pretendPublic} counts as public: the test stands its "public" gateway and CDN there, on loopback.
     */
    public static VideoApi publicOnlyExcept(String baseUrl, InetAddress pretendPublic, ModelCatalog models,
                                            Clock clock) {
        return new HttpVideoApi(new OkHttpClient(), baseUrl, Secret.of("test-key"), models, QUICK_RETRIES,
                wait -> { }, clock, OutboundPolicy.publicOnlyExceptForTests(pretendPublic), DownloadSettings.DEFAULTS,
                VideoDownloader.RATE_WINDOW);
    }
}
