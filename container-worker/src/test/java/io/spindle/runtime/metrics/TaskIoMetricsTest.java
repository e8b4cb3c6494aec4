package io.spindle.runtime.metrics;

import org.junit.jupiter.api.Test;

import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class TaskIoMetricsTest {

    private static long idleAfterAWait(TaskIoMetrics io) {
        long start = io.waitStarts();
        LockSupport.parkNanos(2_000_000);
        io.idleSince(start);
        return io.idleNanos();
    }

    @Test
    void anEnabledTaskTimesItsWaits() {
        assertThat(idleAfterAWait(new TaskIoMetrics(true))).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void withMetricsDisabledWaitsAreNotTimedButRecordsAndBytesStillCount() {
        TaskIoMetrics io = new TaskIoMetrics(false);
        io.recordOut();
        io.bytesOut(100);

        assertThat(idleAfterAWait(io)).isZero();
        assertThat(io.recordsOut()).isEqualTo(1);
        assertThat(io.bytesOut()).isEqualTo(100);
    }
}
