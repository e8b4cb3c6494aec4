package io.spindle.core.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that never keep a JVM alive: a container's main thread decides when the process ends, and a
 * library thread left running must not stop it.
 */
public final class DaemonThreads {

    private DaemonThreads() { }

    /** Threads named {@code <name>-1}, {@code <name>-2}, ... */
    public static ThreadFactory factory(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> create(runnable, name + "-" + count.incrementAndGet());
    }

    /** Starts {@code runnable} on a daemon thread of its own. */
    public static Thread start(Runnable runnable, String name) {
        Thread thread = create(runnable, name);
        thread.start();
        return thread;
    }

    private static Thread create(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
