package dev.reelbot.testing;

import dev.reelbot.core.Secret;
import dev.reelbot.media.S3Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API in this JVM: s3proxy (the S3 protocol with SigV4 signing, ranges, listings) over jclouds'
 * filesystem store in a directory, on a free port. Objects are plain files there, so a test can age one the way
 * time would ({@link #age}).
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "reelbot-test-access-key";
    public static final String SECRET_ACCESS_KEY = "reelbot-test-secret-access-key-0123456789";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path dir;

    private LocalS3(S3Proxy proxy, BlobStoreContext context, Path dir) {
        this.proxy = proxy;
        this.context = context;
        this.dir = dir;
    }

    /** Starts an S3 holding the (empty) {@code buckets}, its objects kept under {@code dir}. */
    public static LocalS3 start(Path dir, String... buckets) throws Exception {
        Files.createDirectories(dir);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class);
        for (String bucket : buckets) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY).build();
        proxy.start();
        return new LocalS3(proxy, context, dir);
    }

    /** Adds an empty bucket. */
    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Where the bot's store finds {@code bucket} here, signing in with the test's keys. */
    public S3Target target(String bucket, String prefix) {
        return new S3Target(bucket, Optional.of(endpoint()), "us-east-1", true, prefix,
                Optional.of(Secret.of(ACCESS_KEY_ID)), Optional.of(Secret.of(SECRET_ACCESS_KEY)));
    }

    /** Makes the object {@code name} of {@code bucket} look stored at {@code at} (S3 cannot be told so). */
    public void age(String bucket, String name, Instant at) throws Exception {
        Files.setLastModifiedTime(dir.resolve(bucket).resolve(name), FileTime.from(at));
    }

    /** The object {@code name} of {@code bucket} as stored, or empty. */
    public Optional<Path> file(String bucket, String name) {
        Path file = dir.resolve(bucket).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
