package io.spindle.runtime.checkpoint;

import java.util.BitSet;
import java.util.OptionalLong;

/**
 * Decides when a task with several input channels takes its snapshot of checkpoint n.
 *
 * <p>Exactly-once (aligned): a channel that delivered barrier n is blocked, so no record after the
 * barrier is processed before the snapshot; the snapshot is due when every open channel delivered
 * it. At-least-once: nothing is blocked, the snapshot is due on the last barrier. A closed channel (its
 * producer ended) counts as aligned. A barrier newer than the one being aligned abandons the older
 * checkpoint; barriers older than the current one are stale and ignored.
 */
public final class BarrierAligner {

    private final int channels;
    private final boolean exactlyOnce;
    private final BitSet seen;
    private final BitSet finished;
    private long current = -1;
    private boolean aligning;

    public BarrierAligner(int channels, boolean exactlyOnce) {
        this.channels = channels;
        this.exactlyOnce = exactlyOnce;
        this.seen = new BitSet(channels);
        this.finished = new BitSet(channels);
    }

    /**
     * A barrier arrived on a channel.
     *
     * @return the checkpoint to snapshot now, if this barrier completes its alignment
     */
    public OptionalLong onBarrier(int channel, long checkpointId) {
        if (checkpointId < current || (checkpointId == current && !aligning)) {
            return OptionalLong.empty();
        }
        if (checkpointId > current) {
            current = checkpointId;
            aligning = true;
            seen.clear();
        }
        seen.set(channel);
        return completeIfAligned();
    }

    /** A channel closed; it no longer holds back alignment. */
    public OptionalLong onChannelClosed(int channel) {
        finished.set(channel);
        return aligning ? completeIfAligned() : OptionalLong.empty();
    }

    /** Whether records of this channel must wait (it delivered the barrier being aligned). */
    public boolean isBlocked(int channel) {
        return exactlyOnce && aligning && seen.get(channel);
    }

    /** The checkpoint being aligned, if any; its barriers arrived on some channels but not all. */
    public OptionalLong aligning() {
        return aligning ? OptionalLong.of(current) : OptionalLong.empty();
    }

    private OptionalLong completeIfAligned() {
        BitSet done = (BitSet) seen.clone();
        done.or(finished);
        if (done.cardinality() < channels) {
            return OptionalLong.empty();
        }
        aligning = false;
        seen.clear();
        return OptionalLong.of(current);
    }
}
