package dev.reelbot.web;

import dev.reelbot.core.MediaLinks;
import dev.reelbot.core.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the links to kept videos, {@code {public-url}/v/{job}/{token}.mp4}: the token carries its own
 * expiry (8 bytes) and an HMAC-SHA256 over the job id and that expiry, keyed with {@code MEDIA_LINK_SECRET}, in
 * URL-safe base64. Nobody without the secret can make a token for another job or move an expiry; the check
 * compares in constant time. One token serves the video and its poster frame.
 *
 * <p>Threading: thread-safe; a {@link Mac} is made per call (they are not).
 */
public final class SignedLinks implements MediaLinks {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int EXPIRY_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{54}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String publicUrl;
    private final SecretKeySpec key;

    /** What a token says about a link. */
    public enum Check { VALID, EXPIRED, BAD }

    /**
     * @param publicUrl the bot's public root, {@code server.public-url} (a trailing slash is dropped)
     * @param secret    {@code MEDIA_LINK_SECRET}
     */
    public SignedLinks(String publicUrl, Secret secret) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.key = new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    @Override
    public String video(String jobId, Instant expires) {
        return publicUrl + MediaRoutes.PREFIX + jobId + "/" + token(jobId, expires) + ".mp4";
    }

    @Override
    public String poster(String jobId, Instant expires) {
        return publicUrl + MediaRoutes.PREFIX + jobId + "/" + token(jobId, expires) + ".jpg";
    }

    String token(String jobId, Instant expires) {
        long expiry = expires.getEpochSecond();
        ByteBuffer token = ByteBuffer.allocate(EXPIRY_BYTES + MAC_BYTES).putLong(expiry).put(mac(jobId, expiry));
        return ENCODER.encodeToString(token.array());
    }

    /** Whether {@code token} was signed for {@code jobId}, and is still valid at {@code now}. */
    public Check check(String jobId, String token, Instant now) {
        if (!TOKEN.matcher(token).matches()) {
            return Check.BAD;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Check.BAD;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long expiry = buffer.getLong();
        byte[] given = new byte[MAC_BYTES];
        buffer.get(given);
        if (!MessageDigest.isEqual(given, mac(jobId, expiry))) {
            return Check.BAD;
        }
        return now.getEpochSecond() < expiry ? Check.VALID : Check.EXPIRED;
    }

    private byte[] mac(String jobId, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("reelbot-media-link\n" + jobId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SignedLinks[" + publicUrl + "]";
    }
}
