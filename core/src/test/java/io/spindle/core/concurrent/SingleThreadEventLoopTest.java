package io.spindle.core.concurrent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SingleThreadEventLoopTest {

    @Test
    void tasksRunInTheOrderTheyWereHandedAndATimerAfterItsDelay() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (SingleThreadEventLoop loop = new SingleThreadEventLoop("test-loop")) {
            loop.schedule(() -> {
                ran.add("timer");
                done.countDown();
            }, 50);
            loop.execute(() -> ran.add("first"));
            loop.execute(() -> ran.add("second"));

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran).containsExactly("first", "second", "timer");
    }

    @Test
    void aClosedLoopDropsWhatItIsHandedWithoutThrowing() {
        SingleThreadEventLoop loop = new SingleThreadEventLoop("test-loop");
        loop.close();

        assertThatCode(() -> {
            loop.execute(() -> { });
            loop.schedule(() -> { }, 10);
        }).doesNotThrowAnyException();
    }
}
