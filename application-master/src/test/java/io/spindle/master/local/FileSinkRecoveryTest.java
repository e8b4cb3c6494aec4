package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sources;
import io.spindle.api.connectors.files.BucketAssigner;
import io.spindle.api.connectors.files.FileSink;
import io.spindle.api.connectors.files.RollingPolicy;
import io.spindle.api.connectors.files.RowFormat;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class FileSinkRecoveryTest {

    private static final long RECORDS = 200_000;
    private static final int BUCKETS = 5;

    @TempDir
    Path work;

    /**
     * Buckets by the record's remainder, parts rolled on size between checkpoints too, and a failure a quarter of
     * the way through: each record once over all published parts, each in its bucket, nothing left staged.
     */
    @Test
    void everyRecordIsPublishedOnceInItsBucketAcrossAFailover() throws Exception {
        Path output = work.resolve("out");
        FileSink<Long> sink = FileSink.builder(output.toString(), RowFormat.<Long>text(String::valueOf))
                .bucketBy(BucketAssigner.byKey(i -> "mod=" + i % BUCKETS))
                .rollingPolicy(RollingPolicy.onCheckpoint().withPartSize(16 * 1024)).build();
        SpindleJob job = (builder, params) -> builder
                .source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG, 200_000))
                .process("fail-once", new TextFileSinkRecoveryTest.FailOnce(RECORDS / 4), Codecs.LONG)
                .sink("out", sink);
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", "100 ms",
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "10 ms"));

        JobResult result = LocalJobs.execute(new LocalExecutor(configuration), job, JobParams.of(Map.of()));

        assertThat(result.restarts()).isEqualTo(1);
        List<Long> all = new ArrayList<>();
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            List<Long> numbers = PublishedParts.numbers(output.resolve("mod=" + bucket));
            int remainder = bucket;
            assertThat(numbers).allMatch(i -> i % BUCKETS == remainder);
            all.addAll(numbers);
        }
        all.sort(null);
        assertThat(all).isEqualTo(LongStream.range(0, RECORDS).boxed().toList());
        assertThat(Files.exists(output.resolve(".in-progress"))).isFalse();
    }
}
