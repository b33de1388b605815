package dev.reelbot.store;

/** The first line of the innermost cause of a failure: the part of a driver's exception chain that says what broke. */
final class RootCause {
    private RootCause() {
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
