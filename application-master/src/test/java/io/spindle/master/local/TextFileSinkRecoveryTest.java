package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TextFileSinkRecoveryTest {

    private static final long RECORDS = 300_000;

    @TempDir
    Path work;

    /** Passes records on; subtask 0 throws at its n-th record in the first execution. */
    static final class FailOnce extends ProcessFunction<Long, Long> {
        private final long failAt;
        private long seen;

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public void processElement(Long value, ProcessContext context, Collector<Long> out) {
            if (++seen == failAt && context.subtaskIndex() == 0 && context.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure");
            }
            out.collect(value);
        }
    }

    @Test
    void everyRecordIsWrittenExactlyOnceAcrossAFailover() throws IOException, InterruptedException {
        Path output = work.resolve("out");
        SpindleJob job = (builder, params) -> builder
                .source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG, 200_000))
                .process("fail-once", new FailOnce(RECORDS / 4), Codecs.LONG)
                .sink("out", Sinks.textFiles(output.toString(), String::valueOf));
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", "100 ms",
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "10 ms"));

        JobResult result = LocalJobs.execute(new LocalExecutor(configuration), job, JobParams.of(Map.of()));

        assertThat(result.restarts()).isEqualTo(1);
        assertThat(result.checkpoints()).isNotEmpty();
        List<Long> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                assertThat(file.getFileName().toString()).startsWith("part-");
                Files.readAllLines(file).forEach(line -> written.add(Long.parseLong(line)));
            }
        }
        written.sort(null);
        assertThat(written).isEqualTo(LongStream.range(0, RECORDS).boxed().toList());
    }
}
