package dev.reelbot.videoapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.TaskPhase;
import dev.reelbot.core.TaskStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskJsonTest {

    private static TaskStatus parse(String json) {
        return TaskJson.parse(json, "task_fallback").orElseThrow();
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @CsvSource({
            "queued, QUEUED", "QUEUED, QUEUED", "pending, QUEUED", "submitted, QUEUED", "NOT_START, QUEUED",
            "in_progress, RUNNING", "processing, RUNNING", "In_Progress, RUNNING", "running, RUNNING",
            "completed, COMPLETED", "SUCCESS, COMPLETED", "succeeded, COMPLETED", "Completed, COMPLETED",
            "failed, FAILED", "FAILURE, FAILED", "cancelled, FAILED",
            "unknown, RUNNING", "something_new, RUNNING", "'', RUNNING"})
    void statusWordsInAnyCase(String word, TaskPhase phase) {
        assertThat(parse("{\"id\":\"task_1\",\"status\":\"" + word + "\"}").phase()).isEqualTo(phase);
    }

    @Test
    void aWordTheClientDoesNotKnowCountsAsRunningUntilAnOperatorAddsIt() {
        String body = "{\"id\":\"task_1\",\"status\":\"已完成\"}";
        assertThat(TaskJson.parse(body, null).orElseThrow().phase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(StatusWords.BUILT_IN.knows("已完成")).isFalse();
        assertThat(StatusWords.BUILT_IN.knows("In Progress")).isTrue();
        assertThat(StatusWords.BUILT_IN.knows("")).as("no word at all is not an unknown word").isTrue();

        StatusWords added = new StatusWords(Map.of("已完成", TaskPhase.COMPLETED, "Cancelled", TaskPhase.QUEUED));
        assertThat(TaskJson.parse(body, null, added).orElseThrow().phase()).isEqualTo(TaskPhase.COMPLETED);
        assertThat(added.knows("已完成")).isTrue();
        assertThat(added.phaseOf("cancelled")).as("an operator's word wins").isEqualTo(TaskPhase.QUEUED);
    }

    @ParameterizedTest(name = "progress {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0.3 | 30", "0.0 | 0", "1.0 | 100", "0.29 | 29", "0.999 | 99",
            "30 | 30", "0 | 0", "1 | 1", "100 | 100", "30.0 | 30", "150 | 100", "-5 | 0",
            "\"30%\" | 30", "\"30 %\" | 30", "\"100%\" | 100", "\"0.5\" | 50", "\"45\" | 45", "\"12.5%\" | 12"})
    void progressAsFractionIntegerOrPercentString(String raw, int expected) {
        assertThat(parse("{\"id\":\"t\",\"status\":\"in_progress\",\"progress\":" + raw + "}").progress())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"null", "\"soon\"", "{}", "[]", "\"\"", "1e309", "-1e309", "\"1e309\"",
            "\"NaN\"", "\"Infinity\"", "\"-Infinity%\"", "\"1e309%\""})
    void unreadableProgressIsAbsent(String raw) {
        assertThat(parse("{\"id\":\"t\",\"status\":\"queued\",\"progress\":" + raw + "}").progress()).isNull();
    }

    @Test
    void secondsAndMillisecondTimestamps() {
        TaskStatus seconds = parse("{\"id\":\"t\",\"status\":\"queued\",\"created_at\":1700000000,"
                + "\"expires_at\":1700003600}");
        assertThat(seconds.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(seconds.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_003_600));
        TaskStatus millis = parse("{\"id\":\"t\",\"status\":\"queued\",\"created_at\":1700000000123}");
        assertThat(millis.createdAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        TaskStatus text = parse("{\"id\":\"t\",\"status\":\"queued\",\"created_at\":\"1700000000\"}");
        assertThat(text.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        TaskStatus absent = parse("{\"id\":\"t\",\"status\":\"queued\",\"created_at\":0,\"expires_at\":null}");
        assertThat(absent.createdAt()).isNull();
        assertThat(absent.expiresAt()).isNull();
    }

    @Test
    void completedAtWhileRunningDoesNotMeanDone() {
        assertThat(parse("{\"id\":\"t\",\"status\":\"in_progress\",\"completed_at\":1700000000}").phase())
                .isEqualTo(TaskPhase.RUNNING);
    }

    @Test
    void idThenTaskIdThenTheIdAskedFor() {
        assertThat(parse("{\"id\":\"task_a\",\"task_id\":\"task_b\",\"status\":\"queued\"}").taskId())
                .isEqualTo("task_a");
        assertThat(parse("{\"id\":\"\",\"task_id\":\"task_b\",\"status\":\"queued\"}").taskId()).isEqualTo("task_b");
        assertThat(parse("{\"task_id\":\"video_c\",\"status\":\"queued\"}").taskId()).isEqualTo("video_c");
        assertThat(parse("{\"status\":\"queued\"}").taskId()).isEqualTo("task_fallback");
        assertThat(TaskJson.parse("{\"status\":\"queued\"}", null)).isEmpty();
    }

    @Test
    void videoUrlFromMetadataThenUrlThenVideoUrl() {
        assertThat(parse("{\"id\":\"t\",\"status\":\"completed\",\"metadata\":{\"url\":\"https://cdn/a.mp4\"},"
                + "\"url\":\"https://cdn/b.mp4\"}").videoUrl()).isEqualTo("https://cdn/a.mp4");
        assertThat(parse("{\"id\":\"t\",\"status\":\"completed\",\"url\":\"https://cdn/b.mp4\","
                + "\"video_url\":\"https://cdn/c.mp4\"}").videoUrl()).isEqualTo("https://cdn/b.mp4");
        assertThat(parse("{\"id\":\"t\",\"status\":\"completed\",\"video_url\":\"https://cdn/c.mp4\"}").videoUrl())
                .isEqualTo("https://cdn/c.mp4");
        assertThat(parse("{\"id\":\"t\",\"status\":\"completed\",\"metadata\":\"{\\\"url\\\":\\\"https://cdn/d.mp4\\\"}\"}")
                .videoUrl()).isEqualTo("https://cdn/d.mp4");
        assertThat(parse("{\"id\":\"t\",\"status\":\"completed\",\"metadata\":{}}").videoUrl()).isNull();
        assertThat(parse("{\"id\":\"t\",\"status\":\"completed\",\"url\":\"javascript:alert(1)\"}").videoUrl())
                .isNull();
    }

    @Test
    void errorInEitherShape() {
        TaskStatus object = parse("{\"id\":\"t\",\"status\":\"failed\",\"error\":{\"message\":\"nope\",\"code\":\"x\"}}");
        assertThat(object.errorMessage()).isEqualTo("nope");
        assertThat(object.errorCode()).isEqualTo("x");
        TaskStatus numericCode = parse("{\"id\":\"t\",\"status\":\"failed\",\"error\":{\"message\":\"m\",\"code\":42}}");
        assertThat(numericCode.errorCode()).isEqualTo("42");
        TaskStatus emptyCode = parse("{\"id\":\"t\",\"status\":\"failed\",\"error\":{\"message\":\"m\",\"code\":\"\"}}");
        assertThat(emptyCode.errorCode()).isNull();
        TaskStatus string = parse("{\"id\":\"t\",\"status\":\"failed\",\"error\":\"upstream broke\"}");
        assertThat(string.errorMessage()).isEqualTo("upstream broke");
        TaskStatus failReason = parse("{\"id\":\"t\",\"status\":\"FAILURE\",\"fail_reason\":\"bad prompt\"}");
        assertThat(failReason.errorMessage()).isEqualTo("bad prompt");
    }

    @Test
    void unknownFieldsAreIgnoredAndSizeAndSecondsReadAsText() {
        TaskStatus status = parse("{\"id\":\"t\",\"object\":\"video\",\"status\":\"completed\",\"progress\":100,"
                + "\"seconds\":8,\"size\":\"1280x720\",\"quality\":\"hd\",\"extra\":{\"deep\":[1,2,3]}}");
        assertThat(status.seconds()).isEqualTo("8");
        assertThat(status.size()).isEqualTo("1280x720");
        assertThat(status.progress()).isEqualTo(100);
    }

    @Test
    void jobWrappedInDataIsUnwrapped() {
        TaskStatus status = parse("{\"code\":\"success\",\"data\":{\"task_id\":\"task_w\",\"status\":\"SUCCESS\"}}");
        assertThat(status.taskId()).isEqualTo("task_w");
        assertThat(status.phase()).isEqualTo(TaskPhase.COMPLETED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[]", "42", "\"text\"", "{}", "{\"foo\":1}",
            "<html>502</html>", "{\"id\":\"t\""})
    void garbageIsNotAJob(String body) {
        assertThat(TaskJson.parse(body, "task_x")).isEmpty();
    }

    @Test
    void controlCharactersAndHugeFieldsAreTamed() {
        String longMessage = "x".repeat(5000);
        TaskStatus status = parse("{\"id\":\"t\",\"status\":\"failed\",\"error\":{\"message\":\"line1\\nline2\\u0007"
                + longMessage + "\"}}");
        assertThat(status.errorMessage()).doesNotContain("\n").doesNotContain("\u0007");
        assertThat(status.errorMessage().length()).isLessThanOrEqualTo(ErrorBody.MAX_MESSAGE_CHARS);
    }
}
