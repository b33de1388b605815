package dev.reelbot.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that a port can be listened on before a server starts on it, so "already in use" is one line naming the
 * port and what to change instead of a server's stack trace.
 */
public final class PortCheck {
    private PortCheck() {
    }

    /** The port is taken (or cannot be bound); the message says what to change. */
    public static final class PortInUse extends Exception {
        PortInUse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Binds and releases {@code host:port} (0 always works).
     *
     * @param change what to change, e.g. "set server.port (or REELBOT_SERVER_PORT) to a free port"
     */
    public static void requireFree(String host, int port, String change) throws PortInUse {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new PortInUse("Cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): " + change
                    + ", or stop what is using port " + port + ".", e);
        }
    }
}
