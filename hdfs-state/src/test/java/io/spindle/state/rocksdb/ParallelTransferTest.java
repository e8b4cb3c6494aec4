package io.spindle.state.rocksdb;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelTransferTest {

    @Test
    void resultsComeBackInTheOrderOfTheActions() throws IOException {
        try (ParallelTransfer transfer = new ParallelTransfer("test", 3)) {
            List<Callable<Integer>> actions = List.of(() -> 1, () -> 2, () -> 3, () -> 4, () -> 5);

            assertThat(transfer.runAll(actions)).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void aFailureIsThrownOnlyOnceTheOtherActionsHaveStopped() {
        AtomicBoolean otherStillRunning = new AtomicBoolean();
        CountDownLatch otherStarted = new CountDownLatch(1);
        IOException failure = new IOException("injected");
        try (ParallelTransfer transfer = new ParallelTransfer("test", 2)) {
            Callable<Integer> slow = () -> {
                otherStillRunning.set(true);
                otherStarted.countDown();
                try {
                    Thread.sleep(60_000);
                } finally {
                    // Stands for a transfer that needs a moment to clean up after its interruption (and may be
                    // interrupted more than once).
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    otherStillRunning.set(false);
                }
                return 1;
            };
            Callable<Integer> failing = () -> {
                assertThat(otherStarted.await(10, TimeUnit.SECONDS)).as("the other action started").isTrue();
                throw failure;
            };

            assertThatThrownBy(() -> transfer.runAll(List.of(slow, failing))).isSameAs(failure);
            assertThat(otherStillRunning).isFalse();
        }
    }

    @Test
    void afterAFailureTheQueuedActionsDoNotStart() {
        AtomicInteger started = new AtomicInteger();
        IOException failure = new IOException("injected");
        Callable<Integer> counting = () -> started.incrementAndGet();
        Callable<Integer> failing = () -> {
            started.incrementAndGet();
            throw failure;
        };
        try (ParallelTransfer transfer = new ParallelTransfer("test", 1)) {
            assertThatThrownBy(() -> transfer.runAll(List.of(counting, failing, counting, counting, counting)))
                    .isSameAs(failure);
        }
        assertThat(started).hasValue(2);
    }

    @Test
    void cancellingStopsTheRunningActionsAndSkipsTheQueuedOnes() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        try (ParallelTransfer transfer = new ParallelTransfer("test", 1)) {
            Callable<Integer> blocking = () -> {
                started.incrementAndGet();
                running.countDown();
                Thread.sleep(60_000);
                return 1;
            };
            FutureTask<List<Integer>> run = new FutureTask<>(() -> transfer.runAll(List.of(blocking, blocking)));
            new Thread(run).start();
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            transfer.cancel();

            assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
            assertThat(started).hasValue(1);
        }
    }

    @Test
    void transferThreadsAreNamedAfterTheirTransfer() throws IOException {
        try (ParallelTransfer transfer = new ParallelTransfer("rocksdb-upload-chk-3", 1)) {
            assertThat(transfer.runAll(List.<Callable<String>>of(() -> Thread.currentThread().getName())))
                    .containsExactly("rocksdb-upload-chk-3-1");
        }
    }
}
