package io.spindle.runtime.net;

import io.spindle.runtime.io.Buffer;
import io.spindle.runtime.io.InboundChannel;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumer's end of one channel. Holds at most the credit it granted in buffers, since the producer sends
 * no more; each buffer the task takes is one credit back to the producer.
 */
final class ConsumerEndpoint implements InboundChannel {

    private final ChannelId id;
    private final int stream;
    private final ConsumerConnection connection;
    /** The credit the consumer grants: the most buffers it holds. */
    private final int capacity;
    private final Queue<Buffer> received = new ConcurrentLinkedQueue<>();
    /** Credit taken by the task but not yet announced; announcements coalesce while one is on its way. */
    private final AtomicInteger unannouncedCredit = new AtomicInteger();
    private volatile IOException failure;
    private volatile Runnable listener = () -> { };

    ConsumerEndpoint(ChannelId id, int stream, ConsumerConnection connection, int capacity) {
        this.id = id;
        this.stream = stream;
        this.connection = connection;
        this.capacity = capacity;
    }

    ChannelId id() {
        return id;
    }

    int stream() {
        return stream;
    }

    @Override
    public Buffer poll() {
        // Read the failure before the queue: buffers that arrived before it are still handed out first.
        IOException failed = failure;
        Buffer buffer = received.poll();
        if (buffer != null) {
            if (unannouncedCredit.getAndIncrement() == 0) {
                connection.announceCredit(this);
            }
            return buffer;
        }
        if (failed != null) {
            throw new ChannelFailedException(id, failed);
        }
        return null;
    }

    @Override
    public int queued() {
        return received.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void setAvailabilityListener(Runnable newListener) {
        this.listener = newListener;
    }

    /** The credit to announce now; resets the count so that the next poll schedules another announcement. */
    int takeUnannouncedCredit() {
        return unannouncedCredit.getAndSet(0);
    }

    void deliver(Buffer buffer) {
        received.add(buffer);
        listener.run();
    }

    /** Called on the event loop; wakes the task so that its next poll, after the buffers received, throws. */
    void fail(IOException reason) {
        if (failure == null) {
            failure = reason;
            listener.run();
        }
    }
}
