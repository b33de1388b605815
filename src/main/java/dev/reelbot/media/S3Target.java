package dev.reelbot.media;

import dev.reelbot.core.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * Where the S3 media store lives and how to sign in (the {@code media.s3} keys and their two environment variables).
 *
 * @param bucket          the bucket
 * @param endpoint        the S3 API's root for MinIO, R2 and the like; empty: AWS S3 in {@code region}
 * @param region          the region requests are signed for ({@code auto} for R2)
 * @param pathStyle       {@code https://host/bucket/key} instead of {@code https://bucket.host/key} (MinIO wants it)
 * @param prefix          put before every key, empty or ending in {@code /}, so one bucket can serve several uses
 * @param accessKeyId     the access key id; empty (with the secret) for the AWS default credentials chain
 * @param secretAccessKey its secret
 */
public record S3Target(String bucket, Optional<URI> endpoint, String region, boolean pathStyle, String prefix,
                       Optional<Secret> accessKeyId, Optional<Secret> secretAccessKey) {

    /** "s3://bucket/prefix" and the endpoint when it is not AWS's: no credentials, safe to log. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + endpoint.map(uri -> " at " + uri).orElse(" (AWS, " + region + ")");
    }
}
