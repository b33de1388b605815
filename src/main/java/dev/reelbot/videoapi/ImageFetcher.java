package dev.reelbot.videoapi;

import dev.reelbot.core.VideoApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a user's reference image for models that want it as a file, under the {@link OutboundPolicy}: redirects
 * are followed by hand (at most three, see {@link CheckedRedirects}) so every hop is checked, and the size is capped.
 */
final class ImageFetcher {
    private static final Logger log = LoggerFactory.getLogger(ImageFetcher.class);
    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private final OkHttpClient client;
    private final CheckedRedirects redirects;

    ImageFetcher(OkHttpClient base, OutboundPolicy policy) {
        this.redirects = new CheckedRedirects(policy, url -> false, policy.requiresHttps(), MAX_REDIRECTS);
        this.client = redirects.policed(base);
    }

    ReferenceImage fetch(String rawUrl) throws VideoApiException {
        HttpUrl url = HttpUrl.parse(rawUrl);
        if (url == null) {
            throw refused("the image URL is not a valid URL");
        }
        try (Response response = redirects.open(url, (hop, trusted) -> client.newCall(new Request.Builder().url(hop)
                .get().build()).execute())) {
            if (!response.isSuccessful()) {
                throw refused("the image URL answered HTTP " + response.code());
            }
            return read(response.body());
        } catch (OutboundPolicy.RefusedAddress e) {
            throw refused("the image URL is not allowed: " + e.getMessage());
        } catch (CheckedRedirects.BadRedirect e) {
            throw refused("the image URL " + e.getMessage());
        } catch (IOException e) {
            log.info("reference image {} could not be fetched: {}", url.redact(), e.toString());
            throw refused("the image could not be fetched (" + Failures.plainCause(e) + ")");
        }
    }

    private static ReferenceImage read(ResponseBody body) throws IOException, VideoApiException {
        String type = body.contentType() == null ? "" : body.contentType().type() + "/" + body.contentType().subtype();
        type = type.toLowerCase(Locale.ROOT);
        if (!IMAGE_TYPES.contains(type)) {
            throw refused("the image URL is not a JPEG, PNG or WebP image (it is " + (type.isEmpty() ? "untyped" : type)
                    + ")");
        }
        if (body.contentLength() > MAX_IMAGE_BYTES) {
            throw refused("the image is larger than 10 MiB");
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw refused("the image is larger than 10 MiB");
            }
            String extension = type.substring("image/".length()).replace("jpeg", "jpg");
            return new ReferenceImage(bytes, type, "reference." + extension);
        }
    }

    private static VideoApiException.Rejected refused(String message) {
        return new VideoApiException.Rejected(message, 0, "invalid_image");
    }
}
