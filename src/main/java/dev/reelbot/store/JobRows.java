package dev.reelbot.store;

import dev.reelbot.core.MessageRef;
import dev.reelbot.core.Money;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoLink;
import dev.reelbot.core.VideoRequest;
import dev.reelbot.core.job.DeliveryState;
import dev.reelbot.core.job.Failure;
import dev.reelbot.core.job.Job;
import dev.reelbot.core.job.JobDelivery;
import dev.reelbot.core.job.JobMessage;
import dev.reelbot.core.job.JobRefund;
import dev.reelbot.core.job.JobState;
import dev.reelbot.core.job.JobTask;
import dev.reelbot.core.job.JobTimes;
import dev.reelbot.core.job.NoticeState;
import dev.reelbot.core.job.RefundState;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Maps a {@link Job} to the columns of the {@code jobs} table and back. */
final class JobRows {
    /** Every column but {@code id} and {@code version}, in the order {@link #bind} writes them. */
    static final List<String> COLUMNS = List.of("request_key", "platform", "workspace", "channel", "user_id",
            "user_name", "prompt", "model", "seconds", "size", "aspect_ratio", "fps", "seed", "video_count",
            "negative_prompt", "style", "quality", "image_url", "end_user", "state", "failure_message",
            "failure_code", "failure_detail", "created_at", "submitted_at", "updated_at", "finished_at",
            "progress_at", "task_id", "api_status", "progress", "video_url", "expires_at", "poll_errors",
            "missing_polls", "delivery_state", "delivery_attempts", "delivery_note", "delivery_link",
            "delivery_link_expires_at", "delivery_poster", "delivery_kept", "delivery_notice",
            "delivery_notice_channel", "delivery_notice_id", "message_channel", "message_id", "message_shown",
            "message_shown_at", "final_shown", "message_post_key", "refund_state", "refund_reason", "notice_channel",
            "notice_id", "resolved_by", "resolved_note", "resolved_at", "notice_outdated", "settled", "price_micros",
            "price_currency", "bumped_at", "locale", "failure_words", "delivery_upload_started_at");

    private static final Set<String> INTEGERS = Set.of("seconds", "fps", "video_count", "progress", "poll_errors",
            "missing_polls", "delivery_attempts", "final_shown", "notice_outdated", "settled");
    private static final Set<String> LONGS = Set.of("seed", "price_micros", "created_at", "submitted_at",
            "updated_at", "finished_at", "progress_at", "expires_at", "delivery_link_expires_at", "message_shown_at",
            "resolved_at", "bumped_at", "delivery_upload_started_at");
    /** The SQL type of each column of {@link #COLUMNS}, for its null. */
    private static final int[] NULL_TYPES = COLUMNS.stream().mapToInt(c -> INTEGERS.contains(c) ? Types.INTEGER
            : LONGS.contains(c) ? Types.BIGINT : Types.VARCHAR).toArray();

    private JobRows() {
    }

    /**
     * The job's value of each column of {@link #COLUMNS}, in that order: a {@code String}, an {@code Integer}, a
     * {@code Long} (times in epoch milliseconds), or {@code null}.
     */
    static Object[] values(Job job) {
        Object[] v = new Object[COLUMNS.size()];
        int i = 0;
        Requester who = job.requester();
        VideoRequest r = job.request();
        JobTimes t = job.times();
        JobTask task = job.task();
        JobMessage m = job.message();
        JobRefund refund = job.refund();
        v[i++] = job.requestKey();
        v[i++] = who.platform();
        v[i++] = who.workspace();
        v[i++] = who.channel();
        v[i++] = who.user();
        v[i++] = who.userName();
        v[i++] = r.prompt();
        v[i++] = r.model();
        v[i++] = r.seconds();
        v[i++] = r.size();
        v[i++] = r.aspectRatio();
        v[i++] = r.fps();
        v[i++] = r.seed();
        v[i++] = r.count();
        v[i++] = r.negativePrompt();
        v[i++] = r.style();
        v[i++] = r.quality();
        v[i++] = r.imageUrl();
        v[i++] = r.endUser();
        v[i++] = job.state().name();
        v[i++] = job.failure() == null ? null : job.failure().message();
        v[i++] = job.failure() == null ? null : job.failure().code();
        v[i++] = job.failure() == null ? null : job.failure().detail();
        v[i++] = millis(t.createdAt());
        v[i++] = millis(t.submittedAt());
        v[i++] = millis(t.updatedAt());
        v[i++] = millis(t.finishedAt());
        v[i++] = millis(t.progressAt());
        v[i++] = task.taskId();
        v[i++] = task.apiStatus();
        v[i++] = task.progress();
        v[i++] = task.videoUrl();
        v[i++] = millis(task.expiresAt());
        v[i++] = task.pollErrors();
        v[i++] = task.missingPolls();
        JobDelivery d = job.delivery();
        v[i++] = d.state().name();
        v[i++] = d.attempts();
        v[i++] = d.note();
        v[i++] = d.link() == null ? null : d.link().url();
        v[i++] = millis(d.link() == null ? null : d.link().expiresAt());
        v[i++] = d.poster();
        v[i++] = d.kept();
        v[i++] = d.notice().name();
        v[i++] = d.noticeRef() == null ? null : d.noticeRef().channel();
        v[i++] = d.noticeRef() == null ? null : d.noticeRef().messageId();
        v[i++] = m.ref() == null ? null : m.ref().channel();
        v[i++] = m.ref() == null ? null : m.ref().messageId();
        v[i++] = m.shown();
        v[i++] = millis(m.shownAt());
        v[i++] = (Integer) (m.finalShown() ? 1 : 0);
        v[i++] = m.postKey();
        v[i++] = refund.state().name();
        v[i++] = refund.reason();
        v[i++] = refund.notice() == null ? null : refund.notice().channel();
        v[i++] = refund.notice() == null ? null : refund.notice().messageId();
        v[i++] = refund.resolvedBy();
        v[i++] = refund.note();
        v[i++] = millis(refund.resolvedAt());
        v[i++] = (Integer) (refund.noticeOutdated() ? 1 : 0);
        v[i++] = (Integer) (job.isSettled() ? 1 : 0);
        v[i++] = job.price() == null ? null : job.price().micros();
        v[i++] = job.price() == null ? null : job.price().currency();
        v[i++] = millis(job.bumpedAt());
        v[i++] = who.locale();
        v[i++] = job.failure() == null ? null : StoredWords.encode(job.failure().words());
        v[i++] = millis(d.uploadStartedAt());
        return v;
    }

    /** Binds a job's {@link #values} to parameters {@code first .. first + COLUMNS.size() - 1}; returns the next. */
    static int bind(PreparedStatement s, int first, Object[] values) throws SQLException {
        for (int column = 0; column < values.length; column++) {
            bind(s, first + column, column, values[column]);
        }
        return first + values.length;
    }

    /** Binds the value of column {@code column} (an index into {@link #COLUMNS}) to parameter {@code i}. */
    static void bind(PreparedStatement s, int i, int column, Object value) throws SQLException {
        if (value instanceof String text) {
            s.setString(i, text);
        } else if (value instanceof Integer number) {
            s.setInt(i, number);
        } else if (value instanceof Long number) {
            s.setLong(i, number);
        } else {
            s.setNull(i, NULL_TYPES[column]);
        }
    }

    static Job read(Row row) throws SQLException {
        String platform = row.string("platform");
        Requester who = new Requester(platform, row.string("workspace"), row.string("channel"),
                row.string("user_id"), row.string("user_name"), false, row.string("locale"));
        VideoRequest request = VideoRequest.builder(row.string("prompt"), row.string("model"))
                .seconds(row.nullableInt("seconds")).size(row.string("size")).aspectRatio(row.string("aspect_ratio"))
                .fps(row.nullableInt("fps")).seed(row.nullableLong("seed")).count(row.nullableInt("video_count"))
                .negativePrompt(row.string("negative_prompt")).style(row.string("style"))
                .quality(row.string("quality")).imageUrl(row.string("image_url"))
                .endUser(row.string("end_user")).build();
        String failureMessage = row.string("failure_message");
        Failure failure = failureMessage == null ? null : new Failure(failureMessage, row.string("failure_code"),
                row.string("failure_detail"), StoredWords.decode(row.string("failure_words")));
        JobTimes times = new JobTimes(row.time("created_at"), row.time("submitted_at"),
                row.time("updated_at"), row.time("finished_at"), row.time("progress_at"));
        JobTask task = new JobTask(row.string("task_id"), row.string("api_status"), row.integer("progress"),
                row.string("video_url"), row.time("expires_at"), row.integer("poll_errors"),
                row.integer("missing_polls"));
        String link = row.string("delivery_link");
        JobDelivery delivery = new JobDelivery(DeliveryState.valueOf(row.string("delivery_state")),
                row.integer("delivery_attempts"), row.string("delivery_note"), link == null ? null
                : new VideoLink(link, row.time("delivery_link_expires_at")), row.string("delivery_poster"),
                row.string("delivery_kept"), NoticeState.valueOf(row.string("delivery_notice")),
                ref(platform, row.string("delivery_notice_channel"), row.string("delivery_notice_id")),
                row.time("delivery_upload_started_at"));
        JobMessage message = new JobMessage(ref(platform, row.string("message_channel"), row.string("message_id")),
                row.string("message_shown"), row.time("message_shown_at"), row.integer("final_shown") == 1,
                row.string("message_post_key"));
        JobRefund refund = new JobRefund(RefundState.valueOf(row.string("refund_state")),
                row.string("refund_reason"), ref(platform, row.string("notice_channel"),
                row.string("notice_id")), row.string("resolved_by"), row.string("resolved_note"),
                row.time("resolved_at"), row.integer("notice_outdated") == 1);
        Long priceMicros = row.nullableLong("price_micros");
        Money price = priceMicros == null ? null : Money.ofMicros(priceMicros, row.string("price_currency"));
        return new Job(row.string("id"), row.longValue("version"), row.string("request_key"), who, request,
                JobState.valueOf(row.string("state")), failure, times, task, delivery, message, refund, price,
                row.time("bumped_at"));
    }

    private static MessageRef ref(String platform, String channel, String id) {
        return channel == null || id == null ? null : new MessageRef(platform, channel, id);
    }

    private static Long millis(Instant value) {
        return value == null ? null : value.toEpochMilli();
    }
}
