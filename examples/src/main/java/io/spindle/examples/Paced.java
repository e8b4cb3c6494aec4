package io.spindle.examples;

import io.spindle.api.functions.MapFunction;

import java.util.concurrent.TimeUnit;

/**
 * Passes records on unchanged, at most {@code perSecond} a second in each subtask, so that a test or a demo can act
 * while a job reads input that is all there from the start.
 */
final class Paced<T> implements MapFunction<T, T> {

    /** Sleeping for less than this costs more than it is worth: the pace is kept over the next records instead. */
    private static final long LEAST_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final double perSecond;
    private long startNanos;
    private long passed;

    Paced(double perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public T map(T value) throws InterruptedException {
        if (passed == 0) {
            startNanos = System.nanoTime();
        }
        long ahead = startNanos + (long) (passed++ * 1e9 / perSecond) - System.nanoTime();
        if (ahead >= LEAST_SLEEP_NANOS) {
            TimeUnit.NANOSECONDS.sleep(ahead);
        }
        return value;
    }
}
