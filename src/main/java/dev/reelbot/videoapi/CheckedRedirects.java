package dev.reelbot.videoapi;

import dev.reelbot.core.VideoApiException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Follows redirects by hand, so that every hop of a URL the bot did not choose is checked by the
 * {@link OutboundPolicy} before anything is sent there: OkHttp's own redirect following connects to an IP literal
 * without asking anyone. A hop to a trusted origin (the API's own, for the video download) skips the policy.
 *
 * <p>Threading: stateless between calls.
 */
final class CheckedRedirects {
    private final OutboundPolicy policy;
    private final Predicate<HttpUrl> trusted;
    private final boolean httpsOnly;
    private final int maxRedirects;

    /**
     * @param trusted   origins whose hops are not checked (and may carry the API key)
     * @param httpsOnly whether every unchecked hop must be {@code https://} (URLs a user typed)
     */
    CheckedRedirects(OutboundPolicy policy, Predicate<HttpUrl> trusted, boolean httpsOnly, int maxRedirects) {
        this.policy = policy;
        this.trusted = trusted;
        this.httpsOnly = httpsOnly;
        this.maxRedirects = maxRedirects;
    }

    /** A client for the checked hops: the policy as its DNS and as a network interceptor, no redirects of its own. */
    OkHttpClient policed(OkHttpClient base) {
        return base.newBuilder().dns(policy).addNetworkInterceptor(policy.connectionCheck()).followRedirects(false)
                .followSslRedirects(false).build();
    }

    /** Sends one hop and returns its answer, a redirect included. */
    @FunctionalInterface
    interface Hop {
        Response send(HttpUrl url, boolean trusted) throws IOException, VideoApiException;
    }

    /**
     * Opens {@code url}, following redirects; returns the first answer that is not a redirect (the caller closes
     * it).
     *
     * @throws OutboundPolicy.RefusedAddress when a hop may not be reached; nothing was sent to it
     * @throws BadRedirect                   when the redirects go on too long or lead nowhere
     */
    Response open(HttpUrl url, Hop hop) throws IOException, VideoApiException {
        HttpUrl next = url;
        for (int redirects = 0; ; redirects++) {
            boolean isTrusted = trusted.test(next);
            if (!isTrusted) {
                check(next);
            }
            Response response = hop.send(next, isTrusted);
            if (!response.isRedirect()) {
                return response;
            }
            String location = response.header("Location");
            response.close();
            if (redirects >= maxRedirects) {
                throw new BadRedirect("redirects too many times (more than " + maxRedirects + ")");
            }
            HttpUrl target = location == null ? null : next.resolve(location);
            if (target == null) {
                throw new BadRedirect("redirects to something that is not an http(s) URL");
            }
            next = target;
        }
    }

    /** Redirects that go on too long or lead nowhere. */
    static final class BadRedirect extends ProtocolException {
        BadRedirect(String message) {
            super(message);
        }
    }

    private void check(HttpUrl url) throws OutboundPolicy.RefusedAddress {
        String refusal = httpsOnly && !url.isHttps() ? "only https:// URLs are accepted" : policy.refusal(url);
        if (refusal != null) {
            throw new OutboundPolicy.RefusedAddress(refusal);
        }
    }
}
