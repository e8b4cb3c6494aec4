package io.spindle.connectors.kafka;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs in the local executor, every wait with a deadline so that a hang fails the test instead of the build. */
final class LocalJobs {

    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private LocalJobs() { }

    /** Checkpoints (and savepoints) under {@code work}, restarts after 10 ms; more settings as key, value pairs. */
    static Configuration configuration(Path work, int parallelism, String... settings) {
        Map<String, String> map = new HashMap<>(Map.of("parallelism.default", String.valueOf(parallelism),
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "execution.checkpointing.savepoint-dir", work.resolve("savepoints").toUri().toString(),
                "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "10 ms"));
        for (int i = 0; i < settings.length; i += 2) {
            map.put(settings[i], settings[i + 1]);
        }
        return Configuration.fromMap(map);
    }

    static LocalJob start(Configuration configuration, SpindleJob job) {
        return new LocalExecutor(configuration).start(job, JobParams.of(Map.of()));
    }

    static JobResult run(Configuration configuration, SpindleJob job) throws InterruptedException {
        return await(start(configuration, job));
    }

    static JobResult await(LocalJob job) throws InterruptedException {
        try {
            return job.await(TIMEOUT);
        } catch (TimeoutException e) {
            job.cancel();
            throw new AssertionError("the job did not end within " + TIMEOUT + "; cancelled it", e);
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void awaitCondition(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static void awaitRecords(LocalJob job, String operator, long records) throws Exception {
        awaitCondition(records + " records into " + operator,
                () -> job.recordsIn().getOrDefault(operator, 0L) >= records);
    }
}
