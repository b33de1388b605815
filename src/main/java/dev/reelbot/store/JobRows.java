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

    private JobRows() {
    }

    /** Binds the job's values to parameters {@code first .. first + COLUMNS.size() - 1}. */
    static int bind(PreparedStatement s, int first, Job job) throws SQLException {
        int i = first;
        Requester who = job.requester();
        VideoRequest r = job.request();
        JobTimes t = job.times();
        JobTask task = job.task();
        JobMessage m = job.message();
        JobRefund refund = job.refund();
        s.setString(i++, job.requestKey());
        s.setString(i++, who.platform());
        s.setString(i++, who.workspace());
        s.setString(i++, who.channel());
        s.setString(i++, who.user());
        s.setString(i++, who.userName());
        s.setString(i++, r.prompt());
        s.setString(i++, r.model());
        setInt(s, i++, r.seconds());
        s.setString(i++, r.size());
        s.setString(i++, r.aspectRatio());
        setInt(s, i++, r.fps());
        setLong(s, i++, r.seed());
        setInt(s, i++, r.count());
        s.setString(i++, r.negativePrompt());
        s.setString(i++, r.style());
        s.setString(i++, r.quality());
        s.setString(i++, r.imageUrl());
        s.setString(i++, r.endUser());
        s.setString(i++, job.state().name());
        s.setString(i++, job.failure() == null ? null : job.failure().message());
        s.setString(i++, job.failure() == null ? null : job.failure().code());
        s.setString(i++, job.failure() == null ? null : job.failure().detail());
        setTime(s, i++, t.createdAt());
        setTime(s, i++, t.submittedAt());
        setTime(s, i++, t.updatedAt());
        setTime(s, i++, t.finishedAt());
        setTime(s, i++, t.progressAt());
        s.setString(i++, task.taskId());
        s.setString(i++, task.apiStatus());
        s.setInt(i++, task.progress());
        s.setString(i++, task.videoUrl());
        setTime(s, i++, task.expiresAt());
        s.setInt(i++, task.pollErrors());
        s.setInt(i++, task.missingPolls());
        JobDelivery d = job.delivery();
        s.setString(i++, d.state().name());
        s.setInt(i++, d.attempts());
        s.setString(i++, d.note());
        s.setString(i++, d.link() == null ? null : d.link().url());
        setTime(s, i++, d.link() == null ? null : d.link().expiresAt());
        s.setString(i++, d.poster());
        s.setString(i++, d.kept());
        s.setString(i++, d.notice().name());
        s.setString(i++, d.noticeRef() == null ? null : d.noticeRef().channel());
        s.setString(i++, d.noticeRef() == null ? null : d.noticeRef().messageId());
        s.setString(i++, m.ref() == null ? null : m.ref().channel());
        s.setString(i++, m.ref() == null ? null : m.ref().messageId());
        s.setString(i++, m.shown());
        setTime(s, i++, m.shownAt());
        s.setInt(i++, m.finalShown() ? 1 : 0);
        s.setString(i++, m.postKey());
        s.setString(i++, refund.state().name());
        s.setString(i++, refund.reason());
        s.setString(i++, refund.notice() == null ? null : refund.notice().channel());
        s.setString(i++, refund.notice() == null ? null : refund.notice().messageId());
        s.setString(i++, refund.resolvedBy());
        s.setString(i++, refund.note());
        setTime(s, i++, refund.resolvedAt());
        s.setInt(i++, refund.noticeOutdated() ? 1 : 0);
        s.setInt(i++, job.isSettled() ? 1 : 0);
        setLong(s, i++, job.price() == null ? null : job.price().micros());
        s.setString(i++, job.price() == null ? null : job.price().currency());
        setTime(s, i++, job.bumpedAt());
        s.setString(i++, who.locale());
        s.setString(i++, job.failure() == null ? null : StoredWords.encode(job.failure().words()));
        setTime(s, i++, d.uploadStartedAt());
        return i;
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

    private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, value);
        }
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    private static void setTime(PreparedStatement s, int i, Instant value) throws SQLException {
        setLong(s, i, value == null ? null : value.toEpochMilli());
    }
}
