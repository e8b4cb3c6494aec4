package io.spindle.runtime.io;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static io.spindle.runtime.io.Producer.number;
import static io.spindle.runtime.io.Producer.numbered;
import static org.assertj.core.api.Assertions.assertThat;

class LocalChannelTest {

    private static final int CAPACITY = 3;

    private final LocalChannel channel = new LocalChannel(CAPACITY);
    private Producer producer;

    @AfterEach
    void stopProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void buffersComeOutInTheOrderTheyWentIn() throws Exception {
        for (int i = 0; i < CAPACITY; i++) {
            channel.send(numbered(i));
        }

        for (int i = 0; i < CAPACITY; i++) {
            assertThat(number(channel.poll())).isEqualTo(i);
        }
        assertThat(channel.poll()).isNull();
    }

    @Test
    void aFullChannelBlocksItsProducerUntilTheConsumerTakesABuffer() throws Exception {
        producer = new Producer(channel, CAPACITY + 1);
        producer.awaitParkedAfter(CAPACITY);

        assertThat(number(channel.poll())).isZero();

        producer.awaitDone();
        for (int i = 1; i <= CAPACITY; i++) {
            assertThat(number(channel.poll())).isEqualTo(i);
        }
    }

    @Test
    void aProducerBlockedOnAFullChannelLeavesWhenInterrupted() throws Exception {
        // how a task blocked by backpressure is cancelled
        producer = new Producer(channel, CAPACITY + 1);
        producer.awaitParkedAfter(CAPACITY);

        producer.close();

        assertThat(producer.done).failsWithin(TestThreads.TIMEOUT_SECONDS, TimeUnit.SECONDS).withThrowableThat()
                .havingCause().isInstanceOf(InterruptedException.class);
        assertThat(producer.sent).hasValue(CAPACITY);
    }

    @Test
    void theAvailabilityListenerHearsOfEveryBufferAfterItCanBePolled() throws Exception {
        Semaphore arrivals = new Semaphore(0);
        channel.setAvailabilityListener(() -> {
            // a consumer woken by the listener must find the buffer
            if (channel.poll() != null) {
                arrivals.release();
            }
        });

        channel.send(numbered(1));
        channel.send(numbered(2));

        assertThat(arrivals.availablePermits()).isEqualTo(2);
    }

    @Test
    void aNewListenerReplacesTheOldOne() throws Exception {
        Semaphore old = new Semaphore(0);
        Semaphore current = new Semaphore(0);
        channel.setAvailabilityListener(old::release);
        channel.setAvailabilityListener(current::release);

        channel.send(numbered(1));

        assertThat(old.availablePermits()).isZero();
        assertThat(current.availablePermits()).isEqualTo(1);
    }
}
