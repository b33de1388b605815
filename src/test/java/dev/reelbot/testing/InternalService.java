package dev.reelbot.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real listener on a loopback address, standing for an internal service (a database admin page, cloud metadata)
 * the bot must never be made to reach. It counts every connection, and answers any request with a body that looks
 * like an MP4 and carries {@link #SECRET}, so a leak would be delivered as "the video" and be seen.
 */
public final class InternalService implements AutoCloseable {
    public static final String SECRET = "INTERNAL-SECRET-a9f3";

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public InternalService(InetAddress address) throws IOException {
        socket = new ServerSocket(0, 50, address);
        acceptor = new Thread(this::serve, "internal-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many connections reached it, requests or not. */
    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                answer(client.getOutputStream());
            } catch (IOException closedOrReset) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void answer(OutputStream out) throws IOException {
        byte[] body = TestVideos.mp4(64);
        byte[] secret = SECRET.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(secret, 0, body, 16, secret.length);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
