package dev.reelbot.store;

import dev.reelbot.core.DeliveryState;
import dev.reelbot.core.Failure;
import dev.reelbot.core.Job;
import dev.reelbot.core.JobDelivery;
import dev.reelbot.core.JobMessage;
import dev.reelbot.core.JobRefund;
import dev.reelbot.core.JobState;
import dev.reelbot.core.JobTask;
import dev.reelbot.core.JobTimes;
import dev.reelbot.core.MessageRef;
import dev.reelbot.core.RefundState;
import dev.reelbot.core.Requester;
import dev.reelbot.core.VideoRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            "failure_code", "created_at", "submitted_at", "updated_at", "finished_at", "progress_at", "task_id",
            "api_status", "progress", "video_url", "expires_at", "poll_errors", "missing_polls", "delivery_state",
            "delivery_attempts", "delivery_note", "message_channel", "message_id", "message_shown",
            "message_shown_at", "final_shown", "message_post_key", "refund_state", "refund_reason", "notice_channel", "notice_id",
            "resolved_by", "resolved_note", "resolved_at", "settled");

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
        s.setString(i++, job.delivery().state().name());
        s.setInt(i++, job.delivery().attempts());
        s.setString(i++, job.delivery().note());
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
        s.setInt(i++, job.isSettled() ? 1 : 0);
        return i;
    }

    static Job read(ResultSet rs) throws SQLException {
        String platform = rs.getString("platform");
        Requester who = new Requester(platform, rs.getString("workspace"), rs.getString("channel"),
                rs.getString("user_id"), rs.getString("user_name"));
        VideoRequest request = VideoRequest.builder(rs.getString("prompt"), rs.getString("model"))
                .seconds(getInt(rs, "seconds")).size(rs.getString("size")).aspectRatio(rs.getString("aspect_ratio"))
                .fps(getInt(rs, "fps")).seed(getLong(rs, "seed")).count(getInt(rs, "video_count"))
                .negativePrompt(rs.getString("negative_prompt")).style(rs.getString("style"))
                .quality(rs.getString("quality")).imageUrl(rs.getString("image_url"))
                .endUser(rs.getString("end_user")).build();
        String failureMessage = rs.getString("failure_message");
        Failure failure = failureMessage == null ? null : new Failure(failureMessage, rs.getString("failure_code"));
        JobTimes times = new JobTimes(getTime(rs, "created_at"), getTime(rs, "submitted_at"),
                getTime(rs, "updated_at"), getTime(rs, "finished_at"), getTime(rs, "progress_at"));
        JobTask task = new JobTask(rs.getString("task_id"), rs.getString("api_status"), rs.getInt("progress"),
                rs.getString("video_url"), getTime(rs, "expires_at"), rs.getInt("poll_errors"),
                rs.getInt("missing_polls"));
        JobDelivery delivery = new JobDelivery(DeliveryState.valueOf(rs.getString("delivery_state")),
                rs.getInt("delivery_attempts"), rs.getString("delivery_note"));
        JobMessage message = new JobMessage(ref(platform, rs.getString("message_channel"), rs.getString("message_id")),
                rs.getString("message_shown"), getTime(rs, "message_shown_at"), rs.getInt("final_shown") == 1,
                rs.getString("message_post_key"));
        JobRefund refund = new JobRefund(RefundState.valueOf(rs.getString("refund_state")),
                rs.getString("refund_reason"), ref(platform, rs.getString("notice_channel"),
                rs.getString("notice_id")), rs.getString("resolved_by"), rs.getString("resolved_note"),
                getTime(rs, "resolved_at"));
        return new Job(rs.getString("id"), rs.getLong("version"), rs.getString("request_key"), who, request,
                JobState.valueOf(rs.getString("state")), failure, times, task, delivery, message, refund);
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

    private static Integer getInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant getTime(ResultSet rs, String column) throws SQLException {
        Long millis = getLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
