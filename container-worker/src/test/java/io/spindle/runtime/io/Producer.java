package io.spindle.runtime.io;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends buffers into a channel on a thread of its own, so that a test can watch it block in {@code send}
 * (backpressure) and resume; closing it interrupts that thread.
 */
public final class Producer implements AutoCloseable {

    /** Buffers sent so far. */
    public final AtomicInteger sent = new AtomicInteger();
    /** Completes when every buffer was sent, or exceptionally with what {@code send} threw. */
    public final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread thread;

    /** Sends buffers numbered 0 .. count - 1 (see {@link #numbered}). */
    public Producer(OutboundChannel channel, int count) {
        this(channel, count, Producer::numbered);
    }

    public Producer(OutboundChannel channel, int count, IntFunction<Buffer> buffers) {
        thread = TestThreads.start("test-producer", () -> {
            try {
                for (int i = 0; i < count; i++) {
                    channel.send(buffers.apply(i));
                    sent.incrementAndGet();
                }
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
    }

    /** Waits until the producer is parked in a send after sending this many. */
    public void awaitParkedAfter(int count) throws InterruptedException {
        TestThreads.awaitParked(thread, () -> sent.get() == count, "producer parked after " + count + " buffers");
    }

    public void awaitDone() throws Exception {
        done.get(TestThreads.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    /** A buffer that holds only its number. */
    public static Buffer numbered(int number) {
        return new Buffer(ByteBuffer.allocate(Integer.BYTES).putInt(number).array(), Integer.BYTES);
    }

    public static int number(Buffer buffer) {
        assertThat(buffer.length()).isEqualTo(Integer.BYTES);
        return ByteBuffer.wrap(buffer.bytes()).getInt();
    }
}
