package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code media.s3} section: finished videos kept in an S3-compatible bucket that every instance shares.
 *
 * @param bucket          {@code media.s3.bucket}
 * @param endpoint        {@code media.s3.endpoint}: MinIO's, R2's...; empty for AWS S3
 * @param region          {@code media.s3.region}
 * @param pathStyle       {@code media.s3.path-style}
 * @param prefix          {@code media.s3.prefix}, empty or ending in {@code /}
 * @param accessKeyId     {@code MEDIA_S3_ACCESS_KEY_ID}; empty (with the secret) for the AWS default chain
 * @param secretAccessKey {@code MEDIA_S3_SECRET_ACCESS_KEY}
 */
public record S3MediaConfig(String bucket, Optional<URI> endpoint, String region, boolean pathStyle, String prefix,
                            Optional<Secret> accessKeyId, Optional<Secret> secretAccessKey) {

    /** How the bot signs in, secrets masked. */
    public String credentials() {
        return accessKeyId.map(id -> "access key " + id.masked() + " from " + Secrets.MEDIA_S3_ACCESS_KEY_ID)
                .orElse("the AWS default credentials chain");
    }
}
