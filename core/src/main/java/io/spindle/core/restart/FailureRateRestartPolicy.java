package io.spindle.core.restart;

import java.util.ArrayDeque;

/**
 * Restarts after a constant delay unless more than {@code maxFailuresPerInterval} failures fall within
 * {@code intervalMillis}.
 */
public final class FailureRateRestartPolicy implements RestartPolicy {

    private static final String KEY_PREFIX = "restart-strategy.failure-rate.";

    private final int maxFailuresPerInterval;
    private final long intervalMillis;
    private final long delayMillis;
    // The last max + 1 failure times, oldest first: enough to tell whether max + 1 fit in one interval.
    private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();

    public FailureRateRestartPolicy(int maxFailuresPerInterval, long intervalMillis, long delayMillis) {
        if (maxFailuresPerInterval <= 0) {
            throw new IllegalArgumentException(KEY_PREFIX + "max-failures-per-interval must be greater than 0, got "
                    + maxFailuresPerInterval);
        }
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException(KEY_PREFIX + "failure-rate-interval must be greater than 0 ms, got "
                    + intervalMillis + " ms");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + "delay must be at least 0 ms, got " + delayMillis + " ms");
        }
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.intervalMillis = intervalMillis;
        this.delayMillis = delayMillis;
    }

    @Override
    public boolean notifyFailure(long nowMillis) {
        if (isFull()) {
            failureTimes.removeFirst();
        }
        failureTimes.addLast(nowMillis);
        return true;
    }

    @Override
    public boolean canRestart(long nowMillis) {
        return !isFull() || nowMillis - failureTimes.getFirst() > intervalMillis;
    }

    @Override
    public long longestBackoffMillis() {
        return delayMillis;
    }

    @Override
    public long backoffMillis(long nowMillis) {
        if (failureTimes.isEmpty()) {
            throw new IllegalStateException("no failure recorded yet");
        }
        return delayMillis;
    }

    private boolean isFull() {
        return failureTimes.size() > maxFailuresPerInterval;
    }

    @Override
    public String toString() {
        return "failure-rate (max " + maxFailuresPerInterval + " failures per " + intervalMillis + " ms, delay "
                + delayMillis + " ms)";
    }
}
