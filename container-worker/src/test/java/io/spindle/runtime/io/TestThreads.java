package io.spindle.runtime.io;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for the threads of a test, always with a deadline. */
public final class TestThreads {

    /** Only ever the limit of a wait for something that should happen at once. */
    public static final long TIMEOUT_SECONDS = 10;

    private TestThreads() { }

    /** Starts {@code body} on a daemon thread, so that a test that fails cannot keep the JVM alive. */
    public static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Waits until {@code condition} holds and {@code thread} is parked (waiting, not spinning): blocked in a send on
     * a full channel, or sleeping in a poll. A thread state is the only sign of that, so this polls it.
     */
    public static void awaitParked(Thread thread, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!(condition.getAsBoolean() && isParked(thread))) {
            assertThat(thread.isAlive()).as("%s: the thread still runs", what).isTrue();
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }
}
