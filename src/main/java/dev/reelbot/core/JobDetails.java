package dev.reelbot.core;

import java.time.Instant;

/** Every parameter of a job, for the Details button and admins: what was asked, what the API said. */
final class JobDetails {
    private JobDetails() {
    }

    static String describe(Job job, Renderer renderer, Instant now) {
        VideoRequest r = job.request();
        StringBuilder text = new StringBuilder("Job `").append(job.id()).append("`: ")
                .append(renderer.render(job, now).headline()).append('\n');
        line(text, "Prompt", PlainText.oneLine(r.prompt(), 1000));
        line(text, "Model", r.model());
        line(text, "Settings", renderer.settings(r));
        line(text, "Aspect ratio", r.aspectRatio());
        line(text, "Seed", r.seed() == null ? "random (not set)" : r.seed().toString());
        line(text, "FPS", r.fps() == null ? null : r.fps().toString());
        line(text, "Count", r.count() == null ? null : r.count().toString());
        line(text, "Negative prompt", r.negativePrompt());
        line(text, "Style", r.style());
        line(text, "Quality", r.quality());
        line(text, "Image", r.imageUrl());
        line(text, "Task id", job.task().taskId());
        line(text, "Requested", Renderer.when(job.times().createdAt()));
        line(text, "Finished", job.times().finishedAt() == null ? null : Renderer.when(job.times().finishedAt()));
        line(text, "Video", job.delivery().note());
        line(text, "Failure", job.failure() == null ? null : job.failure().message());
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("• ").append(label).append(": ").append(value).append('\n');
        }
    }
}
