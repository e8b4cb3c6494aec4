package io.spindle.examples.recovery;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sources;
import io.spindle.api.connectors.files.BucketAssigner;
import io.spindle.api.connectors.files.FileSink;
import io.spindle.connectors.parquet.ParquetFormat;
import io.spindle.core.config.Configuration;
import io.spindle.examples.Sequence;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.SavepointFormat;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parquet parts in buckets, stopped with a savepoint mid-stream at parallelism 2 and restored at 3 into the same
 * directory: every record once over the published Parquet files.
 */
class ParquetRescaleTest {

    private static final long RECORDS = 40_000;
    /** 10 s of input for the first run, so that the stop comes long before its end. */
    private static final double SLOW = 4_000;

    @TempDir
    Path work;

    private Configuration configuration(int parallelism, String restorePath) {
        return LocalJobs.checkpointed(work, parallelism, "execution.state-recovery.path", restorePath);
    }

    /** @param recordsPerSecond 0 for as fast as it goes */
    private SpindleJob numbersAsParquet(double recordsPerSecond) {
        String output = work.resolve("numbers").toString();
        return (builder, params) -> builder
                .source("numbers", Sources.generator(RECORDS, i -> i, Codecs.LONG, recordsPerSecond))
                .sink("parquet", FileSink.builder(output, ParquetFormat.<Long>builder("number")
                                .int64("n", Long::longValue).build())
                        .bucketBy(BucketAssigner.byKey(i -> "mod=" + i % 3)).partSuffix(".parquet").build());
    }

    @Test
    void everyRecordOnceAfterAStopAtParallelismTwoAndARestoreAtThree() throws Exception {
        LocalJob first = new LocalExecutor(configuration(2, null)).start(numbersAsParquet(SLOW),
                JobParams.of(Map.of()));
        LocalJobs.awaitRecords(first, "parquet", RECORDS / 20);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);

        JobResult restored = LocalJobs.execute(new LocalExecutor(configuration(3, savepoint)), numbersAsParquet(0),
                JobParams.of(Map.of()));

        assertThat(restored.recordsIn().get("parquet")).as("records the restored run wrote").isBetween(1L,
                RECORDS - 1);
        assertThat(Sequence.problems(numbers(work.resolve("numbers")), RECORDS)).isEmpty();
        assertThat(work.resolve("numbers").resolve(".in-progress")).doesNotExist();
    }

    /** Column n of every published part under the directory, sorted. */
    private static long[] numbers(Path directory) throws IOException {
        List<Long> numbers = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> files = Files.walk(directory)) {
            parts = files.filter(file -> file.getFileName().toString().startsWith("part-"))
                    .filter(file -> !directory.relativize(file).toString().startsWith(".")).toList();
        }
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                for (Group group = reader.read(); group != null; group = reader.read()) {
                    numbers.add(group.getLong("n", 0));
                }
            }
        }
        return numbers.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
