package dev.reelbot.config;

import dev.reelbot.core.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code media.s3}: a bucket there replaces the local {@code media.dir}. */
final class S3MediaReader {
    /** S3's rule for bucket names (R2 and MinIO follow it). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+/)*");

    private S3MediaReader() {
    }

    /** The S3 store when {@code media.s3.bucket} is set; finishes the section. */
    static Optional<S3MediaConfig> read(ConfigNode s3, Secrets secrets) {
        String bucket = s3.string("bucket", "").strip();
        String endpointText = s3.string("endpoint", "").strip();
        String region = s3.string("region", "us-east-1").strip().toLowerCase(Locale.ROOT);
        boolean pathStyle = s3.bool("path-style", false);
        String prefixText = s3.string("prefix", "").strip();
        s3.finish();
        Optional<Secret> keyId = secrets.get(Secrets.MEDIA_S3_ACCESS_KEY_ID);
        Optional<Secret> secret = secrets.get(Secrets.MEDIA_S3_SECRET_ACCESS_KEY);
        if (bucket.isEmpty()) {
            if (!endpointText.isEmpty() || !prefixText.isEmpty()) {
                s3.problem(s3.fileLabel(), s3.dotted("bucket"), "not set, but media.s3." + (endpointText.isEmpty()
                        ? "prefix" : "endpoint") + " is: set media.s3.bucket to keep videos in S3, or leave the "
                        + "media.s3 keys empty to keep them in media.dir");
            }
            return Optional.empty();
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            s3.problem(s3.fileLabel(), s3.dotted("bucket"), "'" + bucket + "' is not a bucket name (3 to 63 "
                    + "lowercase letters, digits, dots and hyphens)");
        }
        if (!REGION.matcher(region).matches()) {
            s3.problem(s3.fileLabel(), s3.dotted("region"), "'" + region + "' is not a region like us-east-1 (R2: "
                    + "auto)");
        }
        if (keyId.isPresent() != secret.isPresent()) {
            String missing = keyId.isPresent() ? Secrets.MEDIA_S3_SECRET_ACCESS_KEY : Secrets.MEDIA_S3_ACCESS_KEY_ID;
            s3.problem("environment", missing, "not set, but its partner is: export both " + Secrets
                    .MEDIA_S3_ACCESS_KEY_ID + " and " + Secrets.MEDIA_S3_SECRET_ACCESS_KEY + ", or neither to use "
                    + "the AWS default credentials chain");
        }
        return Optional.of(new S3MediaConfig(bucket, endpoint(s3, endpointText), region, pathStyle,
                prefix(s3, prefixText), keyId, secret));
    }

    private static Optional<URI> endpoint(ConfigNode s3, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new URISyntaxException(text, "not an http(s) root");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            s3.problem(s3.fileLabel(), s3.dotted("endpoint"), "'" + text + "' is not the S3 API's root like "
                    + "http://minio:9000 or https://<account>.r2.cloudflarestorage.com (empty for AWS S3)");
            return Optional.empty();
        }
    }

    /** Without a leading slash, with a trailing one (when not empty). */
    private static String prefix(ConfigNode s3, String text) {
        String prefix = text.replaceFirst("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        if (!PREFIX.matcher(prefix).matches() || prefix.contains("/../") || prefix.startsWith("../")) {
            s3.problem(s3.fileLabel(), s3.dotted("prefix"), "'" + text + "' is not a key prefix like reelbot/media/ "
                    + "(letters, digits, . _ - and /)");
            return "";
        }
        return prefix;
    }
}
