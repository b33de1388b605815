package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.VideoApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final String OPENAI_SHAPE = "{\"error\":{\"message\":\"bad size\",\"type\":\"invalid_request_error\","
            + "\"code\":\"invalid_size\"}}";
    private static final String TASK_SHAPE = "{\"code\":\"task_not_exist\",\"message\":\"task_not_exist\",\"data\":null}";

    private static VideoApiException response(Failures.Route route, int status, String body) {
        return Failures.fromResponse(route, status, body, null, CLOCK);
    }

    @Test
    void bothErrorShapesAreRead() {
        VideoApiException openAi = response(Failures.Route.CREATE, 400, OPENAI_SHAPE);
        assertThat(openAi).isInstanceOf(VideoApiException.Rejected.class).hasMessage("bad size");
        assertThat(openAi.code()).isEqualTo("invalid_size");
        VideoApiException task = response(Failures.Route.GET, 400, TASK_SHAPE);
        assertThat(((VideoApiException.Rejected) task).taskNotFound()).isTrue();
    }

    @ParameterizedTest(name = "{0} HTTP {1} -> {2}")
    @CsvSource({
            "CREATE, 400, Rejected", "CREATE, 401, Rejected", "CREATE, 403, Rejected", "CREATE, 404, Rejected",
            "CREATE, 422, Rejected", "CREATE, 429, Refused", "CREATE, 500, OutcomeUnknown",
            "CREATE, 502, OutcomeUnknown", "CREATE, 503, Transient", "CREATE, 504, OutcomeUnknown",
            "CREATE, 301, Rejected",
            "GET, 400, Rejected", "GET, 401, Rejected", "GET, 429, Transient", "GET, 500, Transient",
            "GET, 502, Transient", "GET, 503, Transient", "GET, 504, Transient",
            "DOWNLOAD, 403, Rejected", "DOWNLOAD, 500, Transient"})
    void statusesFallIntoTheirClasses(Failures.Route route, int status, String kind) {
        assertThat(response(route, status, "").getClass().getSimpleName()).isEqualTo(kind);
    }

    /** Every shape in which the gateway turns a create away for lack of capacity: the job may wait and go again. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "429, OpenAI shape, Chinese | 429 | {\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试\","
                    + "\"type\":\"new_api_error\",\"code\":\"rate_limit_exceeded\"}}",
            "429, task shape, Chinese | 429 | {\"code\":\"too_many_requests\",\"message\":\"并发任务数已达上限，"
                    + "请稍后再试\",\"data\":null}",
            "429, OpenAI shape, English | 429 | {\"error\":{\"message\":\"Concurrency limit reached for this key\","
                    + "\"type\":\"rate_limit_error\",\"code\":\"concurrency_limit\"}}",
            "429, no body | 429 | ''",
            "429, a proxy's HTML | 429 | <html><body>Too Many Requests</body></html>",
            "503, OpenAI shape | 503 | {\"error\":{\"message\":\"upstream saturated\",\"type\":\"new_api_error\","
                    + "\"code\":\"upstream_error\"}}",
            "503, task shape, Chinese | 503 | {\"code\":\"upstream_error\",\"message\":\"上游服务暂时不可用\","
                    + "\"data\":null}",
            "503, error as a string | 503 | {\"error\":\"service busy\"}"})
    void aCreateTurnedAwayForCapacityIsRefused(String shape, int status, String body) {
        VideoApiException e = Failures.fromResponse(Failures.Route.CREATE, status, body, "3", CLOCK);
        assertThat(e).as(shape).isInstanceOf(VideoApiException.Refused.class);
        assertThat(((VideoApiException.Refused) e).retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    @Test
    void aRefusalKeepsItsChineseMessageAndHonoursRetryAfterAsADateOrNotAtAll() {
        String chinese = "{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试\",\"type\":\"new_api_error\"}}";
        VideoApiException dated = Failures.fromResponse(Failures.Route.CREATE, 429, chinese,
                "Tue, 24 Nov 2026 12:00:30 GMT", CLOCK);
        assertThat(dated.getMessage()).contains("当前分组上游负载已饱和");
        assertThat(((VideoApiException.Refused) dated).retryAfter()).contains(Duration.ofSeconds(30));
        VideoApiException unsaid = Failures.fromResponse(Failures.Route.CREATE, 429, chinese, null, CLOCK);
        assertThat(((VideoApiException.Refused) unsaid).retryAfter()).isEmpty();
    }

    /** What proves nothing, or is no matter of capacity, never lets a job be sent again. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a bare 503 | 503 | '' | Transient",
            "a proxy's 503 page | 503 | <html><body>Service Unavailable</body></html> | Transient",
            "503 model_not_found | 503 | {\"error\":{\"message\":\"no channel\",\"code\":\"model_not_found\"}}"
                    + " | Rejected",
            "429 insufficient_quota | 429 | {\"error\":{\"message\":\"You exceeded your current quota\","
                    + "\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}} | Rejected",
            "500 with the gateway's body | 500 | {\"error\":{\"message\":\"upstream error\","
                    + "\"code\":\"upstream_error\"}} | OutcomeUnknown",
            "502 | 502 | {\"code\":\"bad_gateway\",\"message\":\"x\",\"data\":null} | OutcomeUnknown",
            "504 | 504 | '' | OutcomeUnknown"})
    void whatIsNoProvableRefusalIsNeverRefused(String shape, int status, String body, String kind) {
        assertThat(Failures.fromResponse(Failures.Route.CREATE, status, body, "1", CLOCK).getClass().getSimpleName())
                .as(shape).isEqualTo(kind);
    }

    @Test
    void onlyACreateIsRefused() {
        String busy = "{\"error\":{\"message\":\"busy\",\"code\":\"upstream_error\"}}";
        assertThat(Failures.fromResponse(Failures.Route.GET, 429, busy, "1", CLOCK))
                .isInstanceOf(VideoApiException.Transient.class);
        assertThat(Failures.fromResponse(Failures.Route.DOWNLOAD, 503, busy, "1", CLOCK))
                .isInstanceOf(VideoApiException.Transient.class);
    }

    @Test
    void modelNotFoundIsRejectedEvenAs503() {
        VideoApiException e = response(Failures.Route.CREATE, 503,
                "{\"error\":{\"message\":\"no channel\",\"type\":\"new_api_error\",\"code\":\"model_not_found\"}}");
        assertThat(e).isInstanceOf(VideoApiException.Rejected.class);
        assertThat(e.getMessage()).contains("does not offer this model");
    }

    @Test
    void quotaMessageIsPassedOnForTheUser() {
        VideoApiException e = response(Failures.Route.CREATE, 403,
                "{\"error\":{\"message\":\"user quota is not enough\",\"type\":\"new_api_error\","
                        + "\"code\":\"insufficient_user_quota\"}}");
        assertThat(e).isInstanceOf(VideoApiException.Rejected.class).hasMessage("user quota is not enough");
        assertThat(e.code()).isEqualTo("insufficient_user_quota");
    }

    @Test
    void badKeyNamesTheVariableAndIsAnOperatorProblem() {
        VideoApiException e = response(Failures.Route.GET, 401, "{\"error\":{\"message\":\"invalid token\"}}");
        assertThat(((VideoApiException.Rejected) e).credentialsRefused()).isTrue();
        assertThat(e.getMessage()).contains("VIDEO_API_KEY");
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        VideoApiException seconds = Failures.fromResponse(Failures.Route.GET, 429, "", "7", CLOCK);
        assertThat(((VideoApiException.Transient) seconds).retryAfter()).contains(Duration.ofSeconds(7));
        VideoApiException date = Failures.fromResponse(Failures.Route.GET, 503, "", "Tue, 24 Nov 2026 12:00:30 GMT",
                CLOCK);
        assertThat(((VideoApiException.Transient) date).retryAfter()).contains(Duration.ofSeconds(30));
        VideoApiException garbage = Failures.fromResponse(Failures.Route.GET, 429, "", "soon", CLOCK);
        assertThat(((VideoApiException.Transient) garbage).retryAfter()).isEmpty();
    }

    @Test
    void chineseRateLimitMessageIsKept() {
        VideoApiException e = response(Failures.Route.GET, 429,
                "{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试\",\"type\":\"new_api_error\"}}");
        assertThat(e.getMessage()).contains("当前分组上游负载已饱和");
    }

    @Test
    void htmlErrorPagesAreNotEchoed() {
        VideoApiException e = response(Failures.Route.GET, 502, "<html><body><script>x</script>Bad</body></html>");
        assertThat(e.getMessage()).isEqualTo("the video API is unavailable (HTTP 502)");
    }

    @Test
    void createNeverSentIsTransientButSentWithoutAnswerIsUnknown() {
        VideoApiException refused = Failures.fromIOException(Failures.Route.CREATE, new ConnectException("refused"),
                false);
        assertThat(refused).isInstanceOf(VideoApiException.Transient.class)
                .hasMessageContaining("nothing was submitted");
        VideoApiException timedOut = Failures.fromIOException(Failures.Route.CREATE,
                new SocketTimeoutException("timeout"), true);
        assertThat(timedOut).isInstanceOf(VideoApiException.OutcomeUnknown.class)
                .hasMessageContaining("may or may not have been started");
        VideoApiException get = Failures.fromIOException(Failures.Route.GET, new IOException("reset"), true);
        assertThat(get).isInstanceOf(VideoApiException.Transient.class);
    }

    @Test
    void unreadableCreateAnswerMayHaveStartedAJob() {
        assertThat(Failures.unreadable(Failures.Route.CREATE, 200)).isInstanceOf(VideoApiException.OutcomeUnknown.class);
        assertThat(Failures.unreadable(Failures.Route.GET, 200)).isInstanceOf(VideoApiException.Transient.class);
    }
}
