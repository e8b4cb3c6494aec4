package io.spindle.runtime.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.spindle.runtime.io.Buffer;
import io.spindle.runtime.io.OutboundChannel;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producer's end of one channel. It exists from whichever comes first, the producer's registration or the
 * consumer's request; until a request attaches the consumer's connection it simply has no credit. Each buffer
 * sent spends one credit, which the consumer returns when its task has taken the buffer, so a consumer that stops
 * reading this channel holds back only this producer, never the other channels on the same connection.
 */
final class ProducerEndpoint implements OutboundChannel {

    private final ChannelId id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Channel consumer;
    private int stream;
    private int credit;
    /** The credit the consumer granted first: the most buffers it holds. */
    private int initialCredit;
    private IOException failure;

    ProducerEndpoint(ChannelId id) {
        this.id = id;
    }

    ChannelId id() {
        return id;
    }

    @Override
    public void send(Buffer buffer) throws InterruptedException {
        if (buffer.length() > Protocol.MAX_BUFFER_BYTES) {
            throw new IllegalArgumentException("Buffer of " + buffer.length() + " bytes exceeds "
                    + Protocol.MAX_BUFFER_BYTES + " on channel " + id);
        }
        lock.lockInterruptibly();
        try {
            while (credit == 0 && failure == null) {
                changed.await();
            }
            if (failure != null) {
                throw new ChannelFailedException(id, failure);
            }
            credit--;
            // Written under the lock so that buffers leave in the order their credit was taken. A failed write
            // closes the connection, which fails this endpoint.
            consumer.writeAndFlush(Protocol.buffer(stream, buffer)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } finally {
            lock.unlock();
        }
    }

    /** A failed endpoint has room: its send throws at once rather than blocking. */
    @Override
    public boolean hasRoom() {
        lock.lock();
        try {
            return credit > 0 || failure != null;
        } finally {
            lock.unlock();
        }
    }

    /** The buffers sent whose credit the consumer has not returned yet: it has not taken them. */
    @Override
    public int queued() {
        lock.lock();
        try {
            return initialCredit - credit;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        lock.lock();
        try {
            return initialCredit;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Binds a consumer's request to this endpoint and grants its initial credit. Answers the request with an
     * ERROR frame instead, and returns false, if the endpoint has failed or another request holds it.
     */
    boolean attach(Channel connection, int consumerStream, int initialCredit) {
        lock.lock();
        try {
            if (failure != null || consumer != null) {
                String reason = failure != null ? failure.getMessage()
                        : "already requested by " + consumer.remoteAddress();
                connection.writeAndFlush(Protocol.error(consumerStream, reason));
                return false;
            }
            consumer = connection;
            stream = consumerStream;
            credit = initialCredit;
            this.initialCredit = initialCredit;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void addCredit(int buffers) {
        lock.lock();
        try {
            credit += buffers;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a blocked sender with the failure and tells the consumer, if it is still reachable. */
    void fail(IOException reason) {
        lock.lock();
        try {
            if (failure != null) {
                return;
            }
            failure = reason;
            if (consumer != null) {
                consumer.writeAndFlush(Protocol.error(stream, reason.getMessage()));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
