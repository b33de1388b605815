package dev.reelbot.core.render;

import dev.reelbot.core.JobView;
import dev.reelbot.core.NoticeView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable digest of what a view shows, apart from its elapsed time: stored with the job, it lets the engine skip
 * edits that would change nothing visible, even after a restart.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(JobView view) {
        JobView withoutClock = new JobView(view.jobId(), view.headline(), view.prompt(), view.requester(),
                view.settings(), view.status(), view.progressBar(), "", view.result(), view.isFinal(), view.actions(),
                view.locale());
        return digest(withoutClock.toString());
    }

    public static String of(NoticeView view) {
        return digest(view.toString());
    }

    private static String digest(String text) {
        return sha256Hex(text, 12);
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in hex. */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
