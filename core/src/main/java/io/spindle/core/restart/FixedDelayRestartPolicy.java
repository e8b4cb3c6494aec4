package io.spindle.core.restart;

/** Restarts after a constant delay until more than {@code attempts} failures have been seen. */
public final class FixedDelayRestartPolicy implements RestartPolicy {

    private static final String KEY_PREFIX = "restart-strategy.fixed-delay.";

    private final int attempts;
    private final long delayMillis;
    // long so that attempts = Integer.MAX_VALUE still gives up after one more failure instead of wrapping
    private long failures;

    public FixedDelayRestartPolicy(int attempts, long delayMillis) {
        if (attempts < 0) {
            throw new IllegalArgumentException(KEY_PREFIX + "attempts must be at least 0, got " + attempts);
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + "delay must be at least 0 ms, got " + delayMillis + " ms");
        }
        this.attempts = attempts;
        this.delayMillis = delayMillis;
    }

    @Override
    public boolean notifyFailure(long nowMillis) {
        failures++;
        return true;
    }

    @Override
    public boolean canRestart(long nowMillis) {
        return failures <= attempts;
    }

    @Override
    public long longestBackoffMillis() {
        return delayMillis;
    }

    @Override
    public long backoffMillis(long nowMillis) {
        if (failures == 0) {
            throw new IllegalStateException("no failure recorded yet");
        }
        return delayMillis;
    }

    @Override
    public String toString() {
        return "fixed-delay (attempts " + attempts + ", delay " + delayMillis + " ms)";
    }
}
