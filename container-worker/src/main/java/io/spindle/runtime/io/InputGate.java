package io.spindle.runtime.io;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All channels into one subtask. Hands out buffers round-robin from channels that are neither
 * blocked (waiting for a barrier on the others) nor finished, and sleeps when none has data.
 */
public final class InputGate {

    /** A buffer and the index of the channel it came from. */
    public record Delivery(int channel, Buffer buffer) { }

    private final List<InboundChannel> channels;
    private final boolean[] blocked;
    private final boolean[] finished;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private int finishedCount;
    private int next;
    /** Set by producers when data arrives, so the consumer never sleeps past it. */
    private boolean signalled;

    public InputGate(List<InboundChannel> channels) {
        this.channels = List.copyOf(channels);
        this.blocked = new boolean[channels.size()];
        this.finished = new boolean[channels.size()];
        for (InboundChannel channel : channels) {
            channel.setAvailabilityListener(this::signal);
        }
    }

    public int size() {
        return channels.size();
    }

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next buffer from an open channel, or null if none arrived within the timeout. */
    public Delivery poll(long timeoutNanos) throws InterruptedException {
        Delivery delivery = pollNow();
        if (delivery != null || timeoutNanos <= 0) {
            return delivery;
        }
        lock.lock();
        try {
            if (!signalled) {
                available.awaitNanos(timeoutNanos);
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
        return pollNow();
    }

    private Delivery pollNow() {
        int count = channels.size();
        for (int i = 0; i < count; i++) {
            int index = (next + i) % count;
            if (blocked[index] || finished[index]) {
                continue;
            }
            Buffer buffer = channels.get(index).poll();
            if (buffer != null) {
                next = (index + 1) % count;
                return new Delivery(index, buffer);
            }
        }
        return null;
    }

    /** The buffers waiting in the channels. Any thread. */
    public QueueDepth queue() {
        return QueueDepth.of(channels);
    }

    /** A blocked channel hands out nothing until unblocked (barrier alignment). */
    public void setBlocked(int channel, boolean block) {
        blocked[channel] = block;
    }

    public void finish(int channel) {
        if (!finished[channel]) {
            finished[channel] = true;
            finishedCount++;
        }
    }

    public boolean allFinished() {
        return finishedCount == channels.size();
    }

    /** Lets a sleeping consumer wake up at once (cancellation, timers). */
    public void wakeUp() {
        signal();
    }
}
