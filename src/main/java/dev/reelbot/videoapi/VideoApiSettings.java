package dev.reelbot.videoapi;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Secret;
import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.deliver.DownloadSettings;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach the video API, for {@link HttpVideoApi#connect}.
 *
 * @param baseUrl        the gateway root ({@code https://host} or {@code https://host/v1})
 * @param apiKey         the Bearer key
 * @param models         the models offered, each with how its create request is shaped
 * @param connectTimeout for opening a connection
 * @param requestTimeout for a whole create or status call (a download has its own deadline in {@code downloads})
 * @param getAttempts    attempts per status call before the failure goes back to the caller
 * @param statusWords    status words this gateway sends that the client does not know, by what they mean
 * @param downloads      each download's deadline and minimum rate
 */
public record VideoApiSettings(String baseUrl, Secret apiKey, ModelCatalog models, Duration connectTimeout,
                               Duration requestTimeout, int getAttempts, Map<String, TaskPhase> statusWords,
                               DownloadSettings downloads) {
    public VideoApiSettings {
        statusWords = Map.copyOf(statusWords);
    }
}
