package dev.reelbot;

/** Says plainly that a command exists in the design but has not landed yet, and exits with code 2. */
final class NotYetAvailable {
    static final int EXIT_CODE = 2;

    private NotYetAvailable() {
    }

    static int report(String command, String arrivesWith) {
        System.err.println("reelbot " + command + " is not available yet: it arrives with " + arrivesWith + ".");
        System.err.println("Available now: simulate-api, check-config.");
        return EXIT_CODE;
    }
}
