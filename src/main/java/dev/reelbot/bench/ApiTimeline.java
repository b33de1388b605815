package dev.reelbot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The truth the figures are judged against: when the simulator created and completed each task and when its
 * progress changed, read from the simulator's {@code GET /sim/timeline} once a run is over.
 */
final class ApiTimeline {
    /** One task: created and completed (epoch microseconds), and each progress it reached with when. */
    record Task(long createdAt, long completedAt, int[] progress, long[] progressAt) {
    }

    private final Map<String, Task> tasks;

    private ApiTimeline(Map<String, Task> tasks) {
        this.tasks = tasks;
    }

    /** Reads the timeline of every task the simulator at {@code baseUrl} will complete. */
    static ApiTimeline fetch(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/sim/timeline")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the simulator's timeline answered HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    static ApiTimeline parse(String text) {
        Map<String, Task> tasks = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ");
            int changes = parts.length - 3;
            int[] progress = new int[changes];
            long[] at = new long[changes];
            for (int i = 0; i < changes; i++) {
                String[] change = parts[3 + i].split("@");
                progress[i] = Integer.parseInt(change[0]);
                at[i] = Long.parseLong(change[1]);
            }
            tasks.put(parts[0], new Task(Long.parseLong(parts[1]), Long.parseLong(parts[2]), progress, at));
        }
        return new ApiTimeline(tasks);
    }

    /** The task, or {@code null} when the simulator did not complete it (a failure, a loss). */
    Task task(String taskId) {
        return taskId == null ? null : tasks.get(taskId);
    }
}
