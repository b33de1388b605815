package dev.reelbot.core.engine;

import dev.reelbot.core.InlineImage;
import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import dev.reelbot.core.TaskStatus;
import dev.reelbot.core.VideoApi;
import dev.reelbot.core.VideoApiException;
import dev.reelbot.core.VideoDownload;
import dev.reelbot.core.VideoRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the images users share in a chat (carried in as {@link InlineImage}s, up to 10 MiB) out of the job's row:
 * each is put in the media store under a name drawn from its content ({@code ref-<sha256>.png}, so a re-roll or the
 * same picture twice shares one) and the request holds only {@link InlineImage#STORED} and that name; the create
 * request reads it back. A row is written on every step, so a megabyte image in it would be written with each.
 * Without a media store (or when it cannot be written) the image stays inline: heavier, but the job still runs.
 *
 * <p>Threading: thread-safe; {@link #stash} runs on the command's thread, the reading on the submit workers.
 */
final class ReferenceImages {
    private static final String SCHEME = InlineImage.STORED;
    private static final Logger log = LoggerFactory.getLogger(ReferenceImages.class);

    private final Optional<MediaStore> store;

    ReferenceImages(Optional<MediaStore> store) {
        this.store = store;
    }

    /** The request with its inline image moved to the media store (unchanged when it has none, or no store). */
    VideoRequest stash(VideoRequest request) {
        Optional<InlineImage> image = InlineImage.isInline(request.imageUrl())
                ? InlineImage.parse(request.imageUrl()) : Optional.empty();
        if (image.isEmpty() || store.isEmpty()) {
            return request;
        }
        String key = "ref-" + sha256(image.get().bytes()) + image.get().filename().substring("reference".length());
        try {
            if (store.get().stat(key).isEmpty()) {
                store.get().put(key, new ByteArrayInputStream(image.get().bytes()));
            }
            return request.toBuilder().imageUrl(SCHEME + key).build();
        } catch (IOException e) {
            log.warn("could not keep a reference image in the media store; the job carries it inline", e);
            return request;
        }
    }

    /** {@code api}, with stored images read back into each create request. */
    VideoApi resolving(VideoApi api) {
        return new Resolving(api);
    }

    private VideoRequest resolve(VideoRequest request) throws VideoApiException {
        if (!InlineImage.isStored(request.imageUrl())) {
            return request;
        }
        String key = request.imageUrl().substring(SCHEME.length());
        try {
            MediaStore media = store.orElseThrow(() -> new IOException("no media store"));
            Optional<MediaObject> object = media.stat(key);
            if (object.isEmpty()) {
                throw gone(key, "it is no longer kept");
            }
            try (InputStream in = media.open(key, 0, object.get().bytes())) {
                String type = "image/" + key.substring(key.lastIndexOf('.') + 1).replace("jpg", "jpeg");
                return request.toBuilder().imageUrl(new InlineImage(type, in.readAllBytes()).toDataUrl()).build();
            }
        } catch (IOException e) {
            log.warn("could not read the reference image {}", key, e);
            throw gone(key, "it could not be read");
        }
    }

    /** Nothing was sent: the job is refused before billing, and the user is told to share the image again. */
    private static VideoApiException gone(String key, String why) {
        return new VideoApiException.Rejected("the reference image could not be sent (" + why + "); share it again",
                0, "image_gone");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Reads stored images back into create requests; everything else goes straight through. */
    private final class Resolving implements VideoApi {
        private final VideoApi delegate;

        Resolving(VideoApi delegate) {
            this.delegate = delegate;
        }

        @Override
        public TaskStatus create(VideoRequest request) throws VideoApiException {
            return delegate.create(resolve(request));
        }

        @Override
        public TaskStatus get(String taskId) throws VideoApiException {
            return delegate.get(taskId);
        }

        @Override
        public VideoDownload download(String taskId, String videoUrl, long maxBytes, Path target)
                throws VideoApiException {
            return delegate.download(taskId, videoUrl, maxBytes, target);
        }

        @Override
        public boolean knowsStatus(String word) {
            return delegate.knowsStatus(word);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
