package dev.reelbot.bench;

import dev.reelbot.core.DaemonThreads;
import dev.reelbot.core.Reply;
import dev.reelbot.core.Requester;
import dev.reelbot.core.engine.CommandHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A burst: many commands from one user arriving at the same moment (a script, or a platform delivering a backlog),
 * carried by as many request threads as a platform's HTTP server has (Jetty's default, {@value #SERVER_THREADS}).
 * Measures every command's time from the moment they all arrived to its answer, so waiting for a thread and
 * behind the others counts: the figure Slack's three seconds apply to.
 */
final class Burst {
    /** The request threads of Jetty's default pool, which serves Slack's HTTP mode. */
    static final int SERVER_THREADS = 200;
    private static final Requester USER = new Requester("bench", "bench", "burst-channel", "burst-user",
            "burst user");

    private Burst() {
    }

    /** Sends {@code count} commands at once; returns each one's time to its answer, in milliseconds. */
    static double[] send(CommandHandler commands, int count) throws Exception {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(SERVER_THREADS, SERVER_THREADS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("bench-burst"));
        threads.prestartAllCoreThreads();
        try {
            long arrived = System.nanoTime();
            List<Future<Double>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    Reply reply = commands.handle(USER, "burst video number " + n + " --duration 4", "burst-" + n);
                    double millis = (System.nanoTime() - arrived) / 1e6;
                    if (!reply.ok()) {
                        throw new IllegalStateException("burst command refused: " + reply.text());
                    }
                    return millis;
                }));
            }
            double[] millis = new double[count];
            for (int i = 0; i < count; i++) {
                millis[i] = answers.get(i).get();
            }
            return millis;
        } finally {
            threads.shutdownNow();
        }
    }
}
