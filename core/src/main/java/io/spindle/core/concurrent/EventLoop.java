package io.spindle.core.concurrent;

/**
 * One thread's worth of work in order: what a component confined to a single thread (the job master, its checkpoint
 * coordination) runs its events and timers on, and the clock those timers go by. Tests drive a manual one.
 */
public interface EventLoop {

    /** Runs the task on the loop, after what was handed to it before. */
    void execute(Runnable task);

    /** Runs the task on the loop once {@code delayMillis} have passed on its clock. */
    void schedule(Runnable task, long delayMillis);

    /** The loop's clock, in epoch milliseconds. */
    long currentTimeMillis();
}
