package dev.reelbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.testing.MutableClock;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulator started again on its journal answers for the jobs it took before, on the same port. */
class SimJournalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = MutableClock.at("2026-11-30T12:00:00Z");
    private final OkHttpClient http = new OkHttpClient();

    @TempDir
    Path dir;

    private SimulatorOptions options() {
        return SimulatorOptions.defaults().withClock(clock).withDurations(Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    private JsonNode call(ApiSimulator simulator, Request.Builder request) throws Exception {
        try (Response response = http.newCall(request.header("Authorization", "Bearer " + simulator.apiKey())
                .build()).execute()) {
            return JSON.readTree(response.body().string());
        }
    }

    @Test
    void aRestartedSimulatorKnowsItsJobsAndTheirTimelines() throws Exception {
        Path journal = dir.resolve("x.db.simulator.json");
        String id;
        int port;
        try (ApiSimulator first = ApiSimulator.startWithJournal(options(), journal)) {
            port = first.port();
            id = call(first, new Request.Builder().url(first.baseUrl() + "/v1/videos").post(RequestBody.create(
                    "{\"model\":\"kling-v2-1\",\"prompt\":\"a storm [fail]\",\"duration\":5}",
                    MediaType.get("application/json")))).path("id").asText();
        }
        clock.advance(Duration.ofSeconds(7));

        try (ApiSimulator second = ApiSimulator.startWithJournal(options(), journal)) {
            assertThat(second.port()).as("the same port, so links handed out before still work").isEqualTo(port);
            JsonNode job = call(second, new Request.Builder().url(second.baseUrl() + "/v1/videos/" + id));
            assertThat(job.path("status").asText()).as("[fail] fails at 60% of its 10 s").isEqualTo("failed");
        }
    }

    @Test
    void anUnreadableJournalIsAnErrorThatSaysWhatToDo() throws Exception {
        Path journal = Files.writeString(dir.resolve("broken.json"), "{not json");

        assertThatThrownBy(() -> ApiSimulator.startWithJournal(options(), journal))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(journal + " (the simulator's jobs) "
                        + "cannot be read").hasMessageContaining("delete it to start the simulator without them");
    }
}
