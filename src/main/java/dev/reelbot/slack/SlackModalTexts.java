package dev.reelbot.slack;

/**
 * Every text the Slack modal, shortcuts and App Home show, in one place (plain English for now; the message bundles
 * take them over with the rest). Texts the core makes (validation problems, job summaries) arrive already written.
 */
final class SlackModalTexts {
    static final String TITLE = "Make a video";
    static final String SUBMIT = "Start";
    static final String CLOSE = "Cancel";
    static final String WHERE = "Post it in";
    static final String WHERE_MISSING = "Pick the channel where the video should show.";
    static final String PROMPT = "Prompt";
    static final String PROMPT_HINT = "a cat surfing at sunset, golden light, slow motion";
    static final String MODEL = "Model";
    static final String DURATION = "Duration";
    static final String SIZE = "Size";
    static final String NEGATIVE = "Negative prompt";
    static final String NEGATIVE_HINT = "what the video should not show";
    static final String SEED = "Seed";
    static final String SEED_HINT = "a whole number, to reproduce a result";
    static final String IMAGE = "Reference image";
    static final String IMAGE_REPLACE = "Another reference image";
    static final String IMAGE_HINT = "JPEG, PNG or WebP, up to 10 MiB: the video starts from it";
    static final String NO_IMAGE_IN_MESSAGE = "That message has no image (JPEG, PNG or WebP) to animate; use "
            + "Animate with reelbot on a message with one.";
    static final String HOME_RECENT = "Your recent videos";
    static final String HOME_NONE = "You have no videos yet. Type the command in a channel, or use the shortcut "
            + "Make a video.";
    static final String HOME_REFUNDS = "Open refund cases";
    static final String HOME_SPEND = "This month's spend";
    static final String HOME_NO_REFUNDS = "No open refund cases.";
    static final String MARK_REFUNDED = "Mark refunded";
    static final String WATCH = "watch";
    static final String MARKED_FROM_HOME = "marked refunded in Slack's App Home";

    private SlackModalTexts() {
    }

    static String seconds(int seconds) {
        return seconds + " s";
    }

    static String imageFromMessage(String name) {
        return "From the message: " + name;
    }

    static String imageRefused(String why) {
        return "This image can't be used: " + why + ".";
    }

    static String imageFailed(String why) {
        return "Nothing was started: the reference image could not be read (" + why + "). Try another image.";
    }

    static String moreCases(int more) {
        return "… and " + more + " more: the admin refunds command lists them all.";
    }
}
