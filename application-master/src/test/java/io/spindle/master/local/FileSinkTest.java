package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sources;
import io.spindle.api.connectors.files.BucketAssigner;
import io.spindle.api.connectors.files.FileSink;
import io.spindle.api.connectors.files.RollingPolicy;
import io.spindle.api.connectors.files.RowFormat;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The file sink's buckets and rolling on the local executor, with real files. */
class FileSinkTest {

    private static final long RECORDS = 20_000;
    private static final long MINUTE = 60_000;

    @TempDir
    Path work;

    private static JobResult run(SpindleJob job) throws InterruptedException {
        return LocalJobs.execute(new LocalExecutor(Configuration.fromMap(Map.of("parallelism.default", "2"))), job,
                JobParams.of(Map.of()));
    }

    @Test
    void partsRollOnSizeWithinACheckpointInterval() throws Exception {
        Path output = work.resolve("out");
        FileSink<Long> sink = FileSink.builder(output.toString(), RowFormat.<Long>text(String::valueOf))
                .rollingPolicy(RollingPolicy.onCheckpoint().withPartSize(4_096)).build();

        run((builder, params) -> builder.source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG))
                .sink("out", sink));

        List<Path> parts = PublishedParts.under(output);
        assertThat(parts).hasSizeGreaterThan(20);
        for (Path part : parts) {
            // a part ends with the line that takes it to the size: at most one line past it
            assertThat(Files.size(part)).as(part.toString()).isLessThan(4_096 + 6);
        }
        assertThat(PublishedParts.numbers(output)).isEqualTo(LongStream.range(0, RECORDS).boxed().toList());
    }

    /** Record i happens at minute i: with buckets per hour, 60 records per bucket. */
    @Test
    void eachRecordLandsInTheBucketOfItsEventTime() throws Exception {
        Path output = work.resolve("hourly");
        FileSink<Long> sink = FileSink.builder(output.toString(), RowFormat.<Long>text(String::valueOf))
                .bucketBy(BucketAssigner.byEventTime("'dt='yyyy-MM-dd/'hour='HH")).build();
        long records = 24 * 60 + 1;

        run((builder, params) -> builder.source("minutes", Sources.generator(records, i -> i, Codecs.LONG),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((i, t) -> i * MINUTE))
                .sink("out", sink));

        for (long hour = 0; hour < 24; hour++) {
            Path bucket = output.resolve("dt=1970-01-01").resolve(String.format("hour=%02d", hour));
            assertThat(PublishedParts.numbers(bucket))
                    .isEqualTo(LongStream.range(hour * 60, hour * 60 + 60).boxed().toList());
        }
        assertThat(PublishedParts.numbers(output.resolve("dt=1970-01-02"))).containsExactly(24 * 60L);
    }

    @Test
    void anIdlePartRollsAfterItsInactivityBeforeAnyCheckpoint() throws Exception {
        Path output = work.resolve("idle");
        FileSink<Long> sink = FileSink.builder(output.toString(), RowFormat.<Long>text(String::valueOf))
                .rollingPolicy(RollingPolicy.onCheckpoint().withInactivity(Duration.ofMillis(50))).build();

        // two records a second for each of the two subtasks: every record waits 500 ms for the next
        run((builder, params) -> builder.source("slow", Sources.generator(8, i -> i, Codecs.LONG, 4))
                .sink("out", sink));

        assertThat(PublishedParts.under(output)).hasSize(8);
    }
}
