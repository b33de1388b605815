package dev.reelbot.core;

/**
 * What one bot message shows, platform-neutral: the renderer ({@code core.render}) makes it, each adapter maps it to
 * its own format (Block Kit, embeds, console lines). Two equal views look the same to the user.
 */
public sealed interface View permits JobView, NoticeView {

    /** The job the message is about. */
    String jobId();

    /** A plain-text rendering, for notifications, logs and the console. */
    String plainText();
}
