package dev.reelbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.reelbot.core.ChatException;
import dev.reelbot.core.VideoFile;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Uploads a video to Slack in the three documented steps, streaming it from disk: {@code files.getUploadURLExternal}
 * (name and length), a POST of the file's bytes to the URL it returns (a file-backed body: the video is never held
 * in memory, whatever its size), then {@code files.completeUploadExternal}, which shares it in the channel or
 * thread. The SDK's {@code filesUploadV2} does the same but reads the whole file into memory first.
 *
 * <p>Threading: thread-safe; blocks the calling worker for the whole upload.
 */
final class SlackUpload {
    private static final String GET_URL = "files.getUploadURLExternal";
    private static final String SEND = "files.upload (file transfer)";
    private static final String COMPLETE = "files.completeUploadExternal";
    private static final MediaType MP4 = MediaType.get("video/mp4");

    private final MethodsClient client;
    private final OkHttpClient http;
    private final SlackCalls calls;

    SlackUpload(MethodsClient client, OkHttpClient http, SlackCalls calls) {
        this.client = client;
        this.http = http;
        this.calls = calls;
    }

    /**
     * Uploads {@code video} and shares it in {@code channel} (under {@code thread} when not {@code null}) with a
     * title and a comment (both already escaped for Slack).
     */
    void upload(String channel, String thread, VideoFile video, String title, String comment) throws ChatException {
        if (video.bytes() > Integer.MAX_VALUE) {
            throw new ChatException(ChatException.Kind.TOO_LARGE, "Slack takes files up to 2 GiB; this one is "
                    + video.bytes() + " bytes");
        }
        FilesGetUploadURLExternalResponse target = calls.call(GET_URL, () -> client.filesGetUploadURLExternal(r -> r
                .filename(video.filename()).length((int) video.bytes())));
        String url = SlackCalls.required(target.getUploadUrl(), GET_URL, "upload_url");
        String fileId = SlackCalls.required(target.getFileId(), GET_URL, "file_id");
        send(url, video);
        calls.call(COMPLETE, () -> client.filesCompleteUploadExternal(r -> r
                .files(List.of(FileDetails.builder().id(fileId).title(title).build()))
                .channelId(channel).threadTs(thread).initialComment(comment)));
    }

    /** The file's bytes, streamed from disk as the request body. */
    private void send(String url, VideoFile video) throws ChatException {
        Request request;
        try {
            request = new Request.Builder().url(url).post(RequestBody.create(video.file().toFile(), MP4)).build();
        } catch (IllegalArgumentException e) {
            throw new ChatException(ChatException.Kind.TRANSIENT, "Slack " + GET_URL + " answered an upload_url "
                    + "that is not a URL", null, e);
        }
        calls.raw(SEND, () -> {
            try (Response response = http.newCall(request).execute()) {
                if (response.code() == 429) {
                    throw new ChatException(ChatException.Kind.RATE_LIMITED, "Slack " + SEND + " answered HTTP 429",
                            SlackErrors.retryAfter(response.header("Retry-After")), null, true, "Slack asked the "
                            + "bot to slow down");
                }
                if (response.code() == 413) {
                    throw new ChatException(ChatException.Kind.TOO_LARGE, "Slack " + SEND + " answered HTTP 413",
                            null, null, true, "the file is larger than Slack accepts");
                }
                if (!response.isSuccessful()) {
                    throw new ChatException(response.code() >= 500 ? ChatException.Kind.TRANSIENT
                            : ChatException.Kind.REFUSED, "Slack " + SEND + " answered HTTP " + response.code(), null,
                            null, true, response.code() >= 500 ? "Slack is having trouble" : "Slack refused it");
                }
                return response.code();
            } catch (IOException e) {
                throw SlackErrors.fromNetwork(SEND, e);
            }
        });
    }
}
