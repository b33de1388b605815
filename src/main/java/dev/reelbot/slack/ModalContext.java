package dev.reelbot.slack;

/**
 * What a modal carries between opening and submission in its {@code private_metadata}: the channel it was opened
 * from ({@code null} when a global shortcut opened it: the form then asks where to post) and a reference image a
 * message shortcut picked ({@code null} when none). Slack ids hold no {@code ;} or {@code =}, so a plain
 * {@code key=value;} string is enough.
 */
record ModalContext(String channel, String imageFileId, String imageName) {
    String encode() {
        return "channel=" + nullToEmpty(channel) + ";image=" + nullToEmpty(imageFileId) + ";name="
                + nullToEmpty(imageName == null ? null : imageName.replace(";", ","));
    }

    static ModalContext decode(String metadata) {
        String channel = null;
        String image = null;
        String name = null;
        for (String part : (metadata == null ? "" : metadata).split(";")) {
            int eq = part.indexOf('=');
            String value = eq < 0 || eq == part.length() - 1 ? null : part.substring(eq + 1);
            switch (eq < 0 ? "" : part.substring(0, eq)) {
                case "channel" -> channel = value;
                case "image" -> image = value;
                case "name" -> name = value;
                default -> {
                    // an unknown part: ignored, so an older form still submits after an upgrade
                }
            }
        }
        return new ModalContext(channel, image, name);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
