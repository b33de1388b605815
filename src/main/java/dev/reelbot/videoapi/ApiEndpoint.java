package dev.reelbot.videoapi;

import dev.reelbot.core.Secret;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The video API's base URL and key: builds the three routes and is the only place the key is put on a request.
 * A base URL given with a trailing {@code /v1} (the OpenAI convention) is accepted as well as the bare root.
 */
final class ApiEndpoint {
    private final HttpUrl root;
    private final Secret apiKey;

    ApiEndpoint(String baseUrl, Secret apiKey) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        List<String> segments = parsed.pathSegments();
        HttpUrl.Builder builder = parsed.newBuilder().query(null).fragment(null);
        int keep = segments.size();
        while (keep > 0 && segments.get(keep - 1).isEmpty()) {
            keep--;
        }
        if (keep > 0 && segments.get(keep - 1).equals("v1")) {
            keep--;
        }
        builder.encodedPath("/");
        for (int i = 0; i < keep; i++) {
            builder.addPathSegment(segments.get(i));
        }
        this.root = builder.build();
        this.apiKey = apiKey;
    }

    HttpUrl videos() {
        return root.newBuilder().addPathSegment("v1").addPathSegment("videos").build();
    }

    HttpUrl video(String taskId) {
        return videos().newBuilder().addPathSegment(taskId).build();
    }

    HttpUrl content(String taskId) {
        return video(taskId).newBuilder().addPathSegment("content").build();
    }

    boolean isOwnHost(HttpUrl url) {
        return url.host().equalsIgnoreCase(root.host()) && url.port() == root.port()
                && url.scheme().equals(root.scheme());
    }

    Request.Builder authorize(Request.Builder request) {
        return request.header("Authorization", "Bearer " + apiKey.reveal());
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
