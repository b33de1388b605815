package dev.reelbot.media;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK's S3 client for a {@link S3Target}: the JDK's HTTP client underneath (no Netty, no Apache HTTP),
 * bounded connect and read times, the given keys or else the AWS default chain (environment, profile, the
 * instance's or the container's role).
 */
final class S3Clients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Between two reads of one answer: a stalled transfer fails instead of holding a request thread. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private S3Clients() {
    }

    static S3Client build(S3Target target) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .region(Region.of(target.region()))
                .forcePathStyle(target.pathStyle())
                // Checksums only where S3 requires them: MinIO, R2 and older S3-compatible stores refuse the
                // newer trailing-checksum uploads the SDK would otherwise send.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(target));
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Target target) {
        if (target.accessKeyId().isPresent() && target.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(target.accessKeyId().get().reveal(),
                    target.secretAccessKey().get().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
