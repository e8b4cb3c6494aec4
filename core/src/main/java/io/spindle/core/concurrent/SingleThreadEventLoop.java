package io.spindle.core.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventLoop} on a daemon thread of its own, by the system clock. Once closed it drops what it is handed: the
 * component it served is done, and late events (a worker thread or container reporting its exit) have no one to
 * tell.
 */
public final class SingleThreadEventLoop implements EventLoop, AutoCloseable {

    private final ScheduledExecutorService thread;

    public SingleThreadEventLoop(String name) {
        this.thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory(name));
    }

    @Override
    public void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // closed: dropped, see the class comment
        }
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        try {
            thread.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed: dropped, see the class comment
        }
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
