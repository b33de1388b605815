package dev.reelbot.media;

import dev.reelbot.core.MediaObject;
import dev.reelbot.core.MediaStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The media store in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2), so that a link served by any instance
 * of the bot finds the video another one kept. One object per key under the target's prefix. A put is spooled to a
 * temporary file first (a PUT must state its length) and sent as one PUT, which S3 makes visible whole or not at
 * all; reads are ranged GETs, so the video links' 206 answers fetch only the bytes asked for.
 *
 * <p>Threading: thread-safe (the SDK's client is); every call blocks on the network, within the client's timeouts.
 */
public final class S3MediaStore implements MediaStore, AutoCloseable {
    /** The largest object one PUT can store (S3's limit; MinIO and R2 keep to it). */
    public static final long MAX_OBJECT_BYTES = 5L * 1024 * 1024 * 1024;
    /** The longest {@link #probe()} waits: a health check must answer while the probe that asked still waits. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final S3Client s3;
    private final S3Target target;

    S3MediaStore(S3Client s3, S3Target target) {
        this.s3 = s3;
        this.target = target;
    }

    /** A store on {@code target}; nothing is sent until the first call ({@link #probe()} checks the bucket). */
    public static S3MediaStore connect(S3Target target) {
        return new S3MediaStore(S3Clients.build(target), target);
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        String name = object(key);
        Path spool = Files.createTempFile("reelbot-s3-", ".part");
        try {
            long bytes = Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            if (bytes > MAX_OBJECT_BYTES) {
                throw new IOException(key + " is " + bytes + " bytes, over the " + MAX_OBJECT_BYTES + " one S3 upload "
                        + "can hold (lower video-api.max-download-size)");
            }
            s3.putObject(b -> b.bucket(target.bucket()).key(name).contentType(MediaKeys.contentType(key)),
                    RequestBody.fromFile(spool));
        } catch (SdkException e) {
            throw failure("storing", key, e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public Optional<MediaObject> stat(String key) throws IOException {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(target.bucket()).key(object(key)));
            return Optional.of(new MediaObject(key, head.contentLength(), head.lastModified()));
        } catch (SdkException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw failure("reading the size of", key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        String name = object(key);
        if (length <= 0) {
            if (stat(key).isEmpty()) {
                throw new NoSuchFileException(describe(key));
            }
            return InputStream.nullInputStream();
        }
        try {
            return s3.getObject(b -> b.bucket(target.bucket()).key(name)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (SdkException e) {
            return switch (status(e)) {
                case 404 -> throw new NoSuchFileException(describe(key));
                // Past the end: S3 refuses the range where a file would just have nothing left to read.
                case 416 -> InputStream.nullInputStream();
                default -> throw failure("reading", key, e);
            };
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(target.bucket()).key(object(key)));
        } catch (SdkException e) {
            throw failure("removing", key, e);
        }
    }

    @Override
    public List<MediaObject> list() throws IOException {
        List<MediaObject> objects = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(target.bucket()).prefix(target.prefix()))
                    .contents()) {
                String key = o.key().substring(target.prefix().length());
                if (MediaKeys.valid(key)) {
                    objects.add(new MediaObject(key, o.size(), o.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw failure("listing", target.prefix() + "*", e);
        }
        objects.sort(Comparator.comparing(MediaObject::storedAt).thenComparing(MediaObject::key));
        return objects;
    }

    @Override
    public String describe(String key) {
        return "s3://" + target.bucket() + "/" + object(key);
    }

    @Override
    public String probe() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(target.bucket()).overrideConfiguration(o -> o.apiCallTimeout(PROBE_TIMEOUT)));
            return "S3 bucket " + target.describe();
        } catch (SdkException e) {
            String why = switch (status(e)) {
                case 404 -> "the bucket does not exist (create it, or fix media.s3.bucket)";
                case 403, 401 -> "access denied (check MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or "
                        + "the role's rights on the bucket)";
                case 301 -> "the bucket is in another region than media.s3.region";
                default -> e.getMessage();
            };
            throw new IOException("S3 bucket " + target.describe() + " does not answer: " + why, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String object(String key) {
        return target.prefix() + MediaKeys.check(key);
    }

    private static int status(SdkException e) {
        return e instanceof AwsServiceException service ? service.statusCode() : 0;
    }

    private IOException failure(String doing, String key, SdkException e) {
        return new IOException("S3: " + doing + " s3://" + target.bucket() + "/" + target.prefix() + key
                + " failed: " + e.getMessage(), e);
    }
}
