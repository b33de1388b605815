package dev.reelbot.videoapi;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Secret;
import dev.reelbot.core.VideoApi;
import dev.reelbot.simulator.ApiSimulator;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** The real HTTP client pointed at a simulator on loopback, with no real sleeps between retries. */
public final class TestApis {
    private TestApis() {
    }

    public static VideoApi forSimulator(ApiSimulator simulator, ModelCatalog models, Clock clock,
                                        Duration readTimeout) {
        return forUrl(simulator.baseUrl() + "/v1", simulator.apiKey(), models, clock, readTimeout);
    }

    public static VideoApi forUrl(String baseUrl, String key, ModelCatalog models, Clock clock, Duration readTimeout) {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
        return new HttpVideoApi(http, baseUrl, Secret.of(key), models,
                new GetRetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)),
                wait -> { }, clock, OutboundPolicy.permissiveForTests());
    }
}
