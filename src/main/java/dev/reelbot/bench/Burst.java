package dev.reelbot.bench;

import dev.reelbot.core.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends a load's commands and times each to its answer. The main load comes from a few client threads, like users
 * typing at the same time; a burst arrives all at once, carried by as many request threads as a platform's HTTP
 * server has (Jetty's default, {@value #SERVER_THREADS}), and each command is timed from that moment, so waiting
 * for a thread and behind the others counts: the figure Slack's three seconds apply to.
 */
final class Burst {
    /** The request threads of Jetty's default pool, which serves Slack's HTTP mode. */
    static final int SERVER_THREADS = 200;

    private Burst() {
    }

    /** Sends every command of {@code load} from {@code clients} threads; returns each one's time to its answer. */
    static Percentiles steady(Contender contender, Load load, Traces traces, int clients) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients, DaemonThreads.numbered("bench-client"));
        return send(contender, load, traces, threads, false);
    }

    /** Sends every command of {@code load} at the same moment; returns each one's time from it to its answer. */
    static Percentiles atOnce(Contender contender, Load load, Traces traces) throws Exception {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(SERVER_THREADS, SERVER_THREADS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("bench-burst"));
        threads.prestartAllCoreThreads();
        return send(contender, load, traces, threads, true);
    }

    private static Percentiles send(Contender contender, Load load, Traces traces, ExecutorService threads,
                                    boolean together) throws Exception {
        try {
            long arrived = System.nanoTime();
            long arrivedMicros = Traces.now();
            List<Future<Double>> answers = new ArrayList<>();
            for (int i = 0; i < load.count(); i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    JobTrace trace = traces.of(load.prompt(n));
                    long start = together ? arrived : System.nanoTime();
                    trace.commanded(together ? arrivedMicros : Traces.now());
                    if (!contender.handle(load.requester(n), load.command(n), load.key(n))) {
                        throw new IllegalStateException("command refused: " + load.command(n));
                    }
                    return (System.nanoTime() - start) / 1e6;
                }));
            }
            double[] millis = new double[answers.size()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = answers.get(i).get();
            }
            return new Percentiles(millis);
        } finally {
            threads.shutdownNow();
        }
    }
}
