package dev.reelbot.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes job objects and errors exactly as the gateway does, in the chosen {@link Dialect}. */
final class SimJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimJson() {
    }

    static String job(SimJob job, SimJob.View view, Dialect dialect, String resultUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", job.id());
        node.put("task_id", job.id());
        node.put("object", "video");
        node.put("model", job.model());
        node.put("status", statusWord(view.phase(), dialect));
        node.putPOJO("progress", dialect.progressValue(view.progress()));
        node.put("created_at", job.createdAt().getEpochSecond());
        if (view.phase() == SimJob.Phase.COMPLETED) {
            node.put("completed_at", job.completedAt().getEpochSecond());
            node.put("expires_at", job.expiresAt().getEpochSecond());
        } else {
            node.putNull("completed_at");
        }
        node.put("seconds", job.seconds());
        node.put("size", job.size());
        if (view.phase() == SimJob.Phase.FAILED) {
            ObjectNode error = node.putObject("error");
            error.put("message", "the model could not generate this video");
            error.put("code", "generation_failed");
        }
        if (view.phase() == SimJob.Phase.COMPLETED && resultUrl != null) {
            node.putObject("metadata").put("url", resultUrl);
        }
        return node.toString();
    }

    private static String statusWord(SimJob.Phase phase, Dialect dialect) {
        return switch (phase) {
            case QUEUED -> "queued";
            case RUNNING -> dialect.runningWord();
            case COMPLETED -> "completed";
            case FAILED, LOST -> "failed";
        };
    }

    /** OpenAI's shape: {@code {"error": {"message", "type", "code"}}}. */
    static String openAiError(String message, String type, String code) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode error = node.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        return node.toString();
    }

    /** The task routes' shape: {@code {"code", "message", "data": null}}. */
    static String taskError(String code, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", code);
        node.put("message", message);
        node.putNull("data");
        return node.toString();
    }
}
