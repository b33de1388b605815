package dev.reelbot.core;

/**
 * Which admin notice a {@link NoticeView} is: a refund case's (billed, no video), or a delivery notice (a video was
 * made, but no chat took it). Both are posted once under the same claim discipline; only a refund case is resolved.
 */
public enum NoticeKind {
    REFUND("notice-", "refund notice"),
    DELIVERY("delivery-notice-", "delivery notice");

    private final String keyPrefix;
    private final String label;

    NoticeKind(String keyPrefix, String label) {
        this.keyPrefix = keyPrefix;
        this.label = label;
    }

    /** The post key of a job's notice of this kind: the adapter finds an earlier attempt's notice by it. */
    public String key(String jobId) {
        return keyPrefix + jobId;
    }

    /** "refund notice", for logs and operators. */
    public String label() {
        return label;
    }
}
