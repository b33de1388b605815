package dev.reelbot.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's own threads: named, so a thread dump says what each is for, and daemons, so none of them keeps the JVM
 * alive after the command that started it has stopped (every pool is still shut down in order by its owner).
 */
public final class DaemonThreads implements ThreadFactory {
    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private DaemonThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    /** Threads all called {@code name}: for an executor of one thread. */
    public static DaemonThreads named(String name) {
        return new DaemonThreads(name, false);
    }

    /** Threads called {@code prefix-1}, {@code prefix-2} ...: for a pool. */
    public static DaemonThreads numbered(String prefix) {
        return new DaemonThreads(prefix, true);
    }

    /** Runs {@code task} on a daemon thread of its own, started now. */
    public static Thread start(String name, Runnable task) {
        Thread thread = named(name).newThread(task);
        thread.start();
        return thread;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
        thread.setDaemon(true);
        return thread;
    }
}
