package io.spindle.runtime.io;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A channel between two subtasks in one JVM: a bounded queue of buffers, one per producer/consumer
 * pair, so a consumer that stops reading one channel (barrier alignment) only holds back that
 * producer's writes to it, never the other channels.
 */
public final class LocalChannel implements OutboundChannel, InboundChannel {

    private final BlockingQueue<Buffer> buffers;
    private final int capacity;
    private volatile Runnable listener = () -> { };

    public LocalChannel(int capacityInBuffers) {
        this.buffers = new ArrayBlockingQueue<>(capacityInBuffers);
        this.capacity = capacityInBuffers;
    }

    @Override
    public void send(Buffer buffer) throws InterruptedException {
        buffers.put(buffer);
        listener.run();
    }

    @Override
    public boolean hasRoom() {
        return buffers.remainingCapacity() > 0;
    }

    @Override
    public Buffer poll() {
        return buffers.poll();
    }

    @Override
    public int queued() {
        return buffers.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void setAvailabilityListener(Runnable newListener) {
        this.listener = newListener;
    }
}
