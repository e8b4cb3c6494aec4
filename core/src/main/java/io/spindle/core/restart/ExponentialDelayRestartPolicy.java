package io.spindle.core.restart;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Restarts after {@code initial × multiplier^attempt} (jittered, clamped to [initial, max]). Failures that
 * arrive before the pending restart is due join that attempt; a failure at least the reset threshold after
 * the last restart time starts over at attempt 0 with a fresh attempt budget.
 */
public final class ExponentialDelayRestartPolicy implements RestartPolicy {

    private static final String KEY_PREFIX = "restart-strategy.exponential-delay.";

    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final double backoffMultiplier;
    private final long resetBackoffThresholdMillis;
    private final double jitterFactor;
    private final int attemptsBeforeResetBackoff;
    private final RandomGenerator random;

    // long so that attemptsBeforeResetBackoff = Integer.MAX_VALUE cannot wrap the counter
    private long attempt;
    private long nextRestartAt;
    // Stands in for Flink's "far in the past" sentinel, which would misread callers' clocks with negative values.
    private boolean failureRecorded;

    public ExponentialDelayRestartPolicy(long initialBackoffMillis, long maxBackoffMillis, double backoffMultiplier,
                                         long resetBackoffThresholdMillis, double jitterFactor,
                                         int attemptsBeforeResetBackoff, RandomGenerator random) {
        if (initialBackoffMillis < 1) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + "initial-backoff must be at least 1 ms, got " + initialBackoffMillis + " ms");
        }
        if (maxBackoffMillis < 1) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + "max-backoff must be at least 1 ms, got " + maxBackoffMillis + " ms");
        }
        if (initialBackoffMillis > maxBackoffMillis) {
            throw new IllegalArgumentException(KEY_PREFIX + "initial-backoff (" + initialBackoffMillis
                    + " ms) must not be greater than " + KEY_PREFIX + "max-backoff (" + maxBackoffMillis + " ms)");
        }
        // Negated comparisons so that NaN is rejected too.
        if (!(backoffMultiplier > 1)) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + "backoff-multiplier must be greater than 1, got " + backoffMultiplier);
        }
        if (resetBackoffThresholdMillis < 1) {
            throw new IllegalArgumentException(KEY_PREFIX + "reset-backoff-threshold must be at least 1 ms, got "
                    + resetBackoffThresholdMillis + " ms");
        }
        if (!(jitterFactor >= 0 && jitterFactor <= 1)) {
            throw new IllegalArgumentException(
                    KEY_PREFIX + "jitter-factor must be between 0 and 1, got " + jitterFactor);
        }
        if (attemptsBeforeResetBackoff < 1) {
            throw new IllegalArgumentException(KEY_PREFIX + "attempts-before-reset-backoff must be at least 1, got "
                    + attemptsBeforeResetBackoff);
        }
        this.initialBackoffMillis = initialBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.backoffMultiplier = backoffMultiplier;
        this.resetBackoffThresholdMillis = resetBackoffThresholdMillis;
        this.jitterFactor = jitterFactor;
        this.attemptsBeforeResetBackoff = attemptsBeforeResetBackoff;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public boolean notifyFailure(long nowMillis) {
        if (failureRecorded) {
            if (nowMillis <= nextRestartAt) {
                return false;
            }
            if (nowMillis - nextRestartAt >= resetBackoffThresholdMillis) {
                attempt = 0;
            }
        }
        nextRestartAt = nowMillis + nextBackoff();
        attempt++;
        failureRecorded = true;
        return true;
    }

    /**
     * Exactly {@code clamp(base + jitter, initial, max)}. The narrowing casts saturate at Long.MAX_VALUE (also
     * for an infinite power), so base and offset are always defined; only the sum could overflow, and a sum
     * beyond Long.MAX_VALUE is above max anyway. With jitter 1.0 a saturated base still lands below max with
     * its exact (about max / 2^64) probability.
     */
    private long nextBackoff() {
        long base = (long) (initialBackoffMillis * Math.pow(backoffMultiplier, attempt));
        long offset = (long) (base * jitterFactor);
        // Same draw as nextLong(-offset, offset + 1), whose bound overflows when offset is Long.MAX_VALUE.
        long jitter = offset == 0 ? 0 : random.nextLong(-offset - 1, offset) + 1;
        // base >= 1 and max >= 1, so neither subtraction nor, in the else branch, the sum can overflow.
        long backoff = jitter > maxBackoffMillis - base ? maxBackoffMillis : base + jitter;
        return Math.max(initialBackoffMillis, backoff);
    }

    @Override
    public boolean canRestart(long nowMillis) {
        return attempt <= attemptsBeforeResetBackoff;
    }

    @Override
    public long longestBackoffMillis() {
        return maxBackoffMillis;
    }

    @Override
    public long backoffMillis(long nowMillis) {
        if (!failureRecorded) {
            throw new IllegalStateException("no failure recorded yet");
        }
        return Math.max(0, nextRestartAt - nowMillis);
    }

    @Override
    public String toString() {
        return "exponential-delay (initial backoff " + initialBackoffMillis + " ms, max backoff " + maxBackoffMillis
                + " ms, multiplier " + backoffMultiplier + ", reset after " + resetBackoffThresholdMillis
                + " ms, jitter " + jitterFactor + ", attempts before reset " + attemptsBeforeResetBackoff + ")";
    }
}
