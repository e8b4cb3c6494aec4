package io.spindle.core.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An {@link EventLoop} on a daemon thread of its own, by the system clock. */
public final class SingleThreadEventLoop implements EventLoop, AutoCloseable {

    private final ScheduledExecutorService thread;

    public SingleThreadEventLoop(String name) {
        this.thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory(name));
    }

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        thread.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
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
