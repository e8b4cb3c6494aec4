package io.spindle.runtime.io;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.spindle.runtime.io.Producer.number;
import static io.spindle.runtime.io.Producer.numbered;
import static org.assertj.core.api.Assertions.assertThat;

class InputGateTest {

    /** Longer than any test runs: a poll that returns did not time out. */
    private static final long FOREVER_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final List<LocalChannel> channels = List.of(new LocalChannel(8), new LocalChannel(8), new LocalChannel(8));
    private final InputGate gate = new InputGate(new ArrayList<>(channels));

    /** Puts buffers numbered {@code 100 * channel + i} into a channel. */
    private void fill(int channel, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            channels.get(channel).send(numbered(100 * channel + i));
        }
    }

    /** Every buffer the gate hands out without waiting, as its number. */
    private List<Integer> drain() throws InterruptedException {
        List<Integer> numbers = new ArrayList<>();
        for (InputGate.Delivery delivery = gate.poll(0); delivery != null; delivery = gate.poll(0)) {
            assertThat(number(delivery.buffer()) / 100).as("the channel of the delivery").isEqualTo(delivery.channel());
            numbers.add(number(delivery.buffer()));
        }
        return numbers;
    }

    @Test
    void buffersAreHandedOutRoundRobinOverTheChannelsThatHaveData() throws Exception {
        fill(0, 3);
        fill(1, 1);
        fill(2, 2);

        assertThat(drain()).containsExactly(0, 100, 200, 1, 201, 2);
    }

    @Test
    void theTurnGoesOnFromTheChannelAfterTheLastDelivery() throws Exception {
        fill(1, 2);
        assertThat(number(gate.poll(0).buffer())).isEqualTo(100);
        fill(0, 1);

        // channel 1 was served last: channel 2 and then 0 come first, not 1 again
        assertThat(drain()).containsExactly(0, 101);
    }

    @Test
    void aBlockedChannelHandsOutNothingUntilUnblocked() throws Exception {
        fill(0, 2);
        fill(1, 2);
        gate.setBlocked(0, true);

        assertThat(drain()).containsExactly(100, 101);

        gate.setBlocked(0, false);
        assertThat(drain()).containsExactly(0, 1);
    }

    @Test
    void aFinishedChannelHandsOutNothingMore() throws Exception {
        fill(0, 1);
        fill(1, 1);
        gate.finish(0);

        assertThat(drain()).containsExactly(100);
    }

    @Test
    void theGateIsFinishedOnceEveryChannelIsEvenIfOneIsFinishedTwice() {
        gate.finish(0);
        gate.finish(0);
        gate.finish(1);
        assertThat(gate.allFinished()).isFalse();

        gate.finish(2);
        assertThat(gate.allFinished()).isTrue();
    }

    @Test
    void aPollWithNothingToHandOutReturnsNullAfterItsTimeout() throws Exception {
        assertThat(gate.poll(0)).isNull();
        assertThat(gate.poll(TimeUnit.MILLISECONDS.toNanos(1))).isNull();
    }

    @Test
    void aWaitingPollReturnsTheBufferThatArrives() throws Exception {
        CompletableFuture<InputGate.Delivery> delivery = new CompletableFuture<>();
        Thread consumer = TestThreads.start("test-consumer", () -> complete(delivery));
        TestThreads.awaitParked(consumer, () -> true, "the consumer waiting in poll");

        channels.get(2).send(numbered(200));

        assertThat(delivery).succeedsWithin(TestThreads.TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .satisfies(arrived -> assertThat(arrived.channel()).isEqualTo(2));
    }

    @Test
    void wakeUpEndsAWaitingPollWithoutABuffer() throws Exception {
        CompletableFuture<InputGate.Delivery> delivery = new CompletableFuture<>();
        Thread consumer = TestThreads.start("test-consumer", () -> complete(delivery));
        TestThreads.awaitParked(consumer, () -> true, "the consumer waiting in poll");

        gate.wakeUp();

        assertThat(delivery).succeedsWithin(TestThreads.TIMEOUT_SECONDS, TimeUnit.SECONDS).isNull();
    }

    private void complete(CompletableFuture<InputGate.Delivery> delivery) {
        try {
            delivery.complete(gate.poll(FOREVER_NANOS));
        } catch (Throwable t) {
            delivery.completeExceptionally(t);
        }
    }
}
