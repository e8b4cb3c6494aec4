package io.spindle.master.checkpoint;

/**
 * When the next periodic checkpoint may start: {@code interval} after the previous trigger, never
 * sooner than {@code min-pause} after the last completion, and not while
 * {@code max-concurrent-checkpoints} are pending. Pure: the coordinator passes the times in.
 */
public final class CheckpointTriggerDecider {

    /** Returned while no checkpoint may start until a pending one ends. */
    public static final long WAIT_FOR_PENDING = Long.MAX_VALUE;

    private final long intervalMillis;
    private final long minPauseMillis;
    private final int maxConcurrent;

    public CheckpointTriggerDecider(long intervalMillis, long minPauseMillis, int maxConcurrent) {
        if (intervalMillis < 1 || minPauseMillis < 0 || maxConcurrent < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 ms, min pause zero or more and "
                    + "max concurrent checkpoints at least 1; got " + intervalMillis + " ms, " + minPauseMillis + " ms, "
                    + maxConcurrent);
        }
        this.intervalMillis = intervalMillis;
        this.minPauseMillis = minPauseMillis;
        this.maxConcurrent = maxConcurrent;
    }

    /**
     * @param lastTriggerMillis when the previous checkpoint was triggered (the start time before the first)
     * @param lastCompletionMillis when the last checkpoint completed, or Long.MIN_VALUE if none has
     * @param pending checkpoints triggered but not yet completed or aborted
     */
    public long nextTriggerMillis(long lastTriggerMillis, long lastCompletionMillis, int pending) {
        if (pending >= maxConcurrent) {
            return WAIT_FOR_PENDING;
        }
        long byInterval = lastTriggerMillis + intervalMillis;
        return lastCompletionMillis == Long.MIN_VALUE ? byInterval
                : Math.max(byInterval, lastCompletionMillis + minPauseMillis);
    }
}
