package dev.reelbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP mode without Bolt's servlet adapters (their Jetty clashes with Javalin's): the web layer hands each
 * {@code POST /slack/events} here as plain values, Bolt parses it, verifies its signature and timestamp, and runs
 * the handlers; the answer goes back as plain values too.
 */
public final class SlackHttp {
    private static final Logger log = LoggerFactory.getLogger(SlackHttp.class);

    private final App app;
    private final SlackRequestParser parser;

    SlackHttp(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    /** The answer to one request. */
    public record Answer(int status, String contentType, Map<String, List<String>> headers, String body) {
    }

    public Answer handle(String uri, Map<String, List<String>> query, Map<String, List<String>> headers, String body,
                         String remoteAddress) {
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri(uri).queryString(query)
                .headers(new RequestHeaders(headers)).requestBody(body).remoteAddress(remoteAddress).build());
        if (request == null) {
            return new Answer(400, "text/plain", Map.of(), "not a Slack request");
        }
        try {
            Response response = app.run(request);
            return new Answer(response.getStatusCode(), response.getContentType(), response.getHeaders(),
                    response.getBody() == null ? "" : response.getBody());
        } catch (Exception e) {
            log.error("Slack request failed", e);
            return new Answer(500, "text/plain", Map.of(), "internal error");
        }
    }
}
