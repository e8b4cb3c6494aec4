package io.spindle.master.local;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.FileSource;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.eventtime.WatermarkGenerator;
import io.spindle.api.eventtime.WatermarkOutput;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.ConnectorPreflight;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.graph.StreamGraph;
import io.spindle.state.fs.HadoopFileAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSourceTest {

    /** Lines of 16 bytes with their "\r\n": blocks of a power of two from 16 bytes on end exactly at a line's end. */
    private static final int LINE_BYTES = 16;
    private static final int LARGE_FILE_LINES = 1 << 16;

    @TempDir
    Path work;

    /** What the sink got, as "subtask:line". */
    private final List<String> read = Collections.synchronizedList(new ArrayList<>());
    private final Sink<String> collect = context -> line -> read.add(context.subtaskIndex() + ":" + line);

    private void run(int parallelism, Map<String, String> settings, SpindleJob job) throws InterruptedException {
        Map<String, String> all = new HashMap<>(settings);
        all.put("parallelism.default", String.valueOf(parallelism));
        LocalJobs.execute(new LocalExecutor(Configuration.fromMap(all)), job, JobParams.of(Map.of()));
    }

    private void readLines(int parallelism, Map<String, String> settings, FileSource source) throws Exception {
        run(parallelism, settings, (job, params) -> job.source("lines", source).sink("collect", collect));
    }

    private List<String> linesRead() {
        return read.stream().map(entry -> entry.substring(entry.indexOf(':') + 1)).toList();
    }

    /** As containsExactlyInAnyOrderElementsOf, without its quadratic time on a large file's lines. */
    private void assertEveryLineReadOnce(List<String> expected) {
        assertThat(linesRead().stream().sorted().toList()).isEqualTo(expected.stream().sorted().toList());
    }

    /** 1 MiB of 16-byte lines ending in "\r\n"; returns the lines. */
    private List<String> writeLargeFile(Path file) throws Exception {
        List<String> lines = IntStream.range(0, LARGE_FILE_LINES).mapToObj(i -> String.format("line-%09d", i)).toList();
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isEqualTo((long) LINE_BYTES * LARGE_FILE_LINES);
        return lines;
    }

    @Test
    void aGlobReadsTheFilesItMatchesAndTheFilesUnderDirectoriesItMatchesButNoHiddenOnes() throws Exception {
        Path logs = work.resolve("logs");
        List<String> expected = new ArrayList<>();
        expected.addAll(TextInput.write(logs.resolve("2026-12-01/part-0"), 3));
        expected.addAll(TextInput.write(logs.resolve("2026-12-02/part-1"), 3));
        expected.addAll(TextInput.write(logs.resolve("2026-12-02/part-dir/nested"), 3));
        TextInput.write(logs.resolve("2026-11-30/part-2"), 3);
        TextInput.write(logs.resolve("2026-12-02/other"), 3);
        TextInput.write(logs.resolve("2026-12-02/_part-3"), 3);
        TextInput.write(logs.resolve("_2026-12-03/part-4"), 3);

        readLines(2, Map.of(), FileSource.lines(logs + "/*-12-*/part-*"));

        assertThat(linesRead()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theBlocksOfOneLargeFileAreReadByThreeSubtasksEveryLineOnce() throws Exception {
        List<String> expected = writeLargeFile(work.resolve("large.txt"));

        // 16 blocks of 64 KiB; the local file system's instances are cached with the first configuration they saw
        readLines(3, Map.of("spindle.hadoop.fs.local.block.size", "65536",
                "spindle.hadoop.fs.file.impl.disable.cache", "true"), FileSource.lines(work.toString()));

        assertEveryLineReadOnce(expected);
        assertThat(read.stream().map(entry -> entry.substring(0, entry.indexOf(':'))).distinct())
                .as("the subtasks that read lines").containsExactlyInAnyOrder("0", "1", "2");
    }

    @Test
    void aSplitThatEndsBetweenCarriageReturnAndLineFeedReadsItsLastLineOnce() throws Exception {
        List<String> expected = writeLargeFile(work.resolve("large.txt"));

        // the first split ends right before a '\n', the others at every other offset of a line
        readLines(3, Map.of(), FileSource.lines(work.toString()).splitSize(LINE_BYTES * 4096 - 1));

        assertEveryLineReadOnce(expected);
    }

    /** Counts the records the watermark had passed when they came, and reports the largest watermark seen. */
    private static final class LateRecords extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, ProcessContext context, Collector<String> out) {
            long watermark = context.timers().currentWatermark();
            out.collect((context.timestamp() <= watermark ? "late " : "on time ") + watermark);
        }
    }

    /** A watermark right after every record: exactly the record's time. */
    private static WatermarkStrategy<String> watermarkOnEveryRecord() {
        return WatermarkStrategy.<String>forGenerator(() -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(String event, long timestamp, WatermarkOutput output) {
                output.emitWatermark(timestamp);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((line, sourceTimestamp) -> Long.parseLong(line));
    }

    @Test
    void eachSplitHasItsOwnWatermarkUntilItIsRead() throws Exception {
        Path input = work.resolve("input");
        Files.createDirectories(input);
        // read in this order by the one subtask: times go back from one file to the next, then forward
        for (String[] file : new String[][] {{"a", "10000"}, {"b", "0"}, {"c", "20000"}}) {
            long from = Long.parseLong(file[1]);
            Files.write(input.resolve(file[0]), IntStream.range(0, 1000).mapToObj(i -> String.valueOf(from + i)).toList());
        }

        run(1, Map.of(), (job, params) -> job.source("times", FileSource.lines(input.toString()), watermarkOnEveryRecord())
                .keyBy(line -> 0, Codecs.INT)
                .process("late-records", new LateRecords(), Codecs.STRING)
                .sink("collect", collect));

        assertThat(linesRead()).hasSize(3000).noneMatch(line -> line.startsWith("late"));
        // a and b were released when read, so c's own watermark led: its last record came after its next to last
        assertThat(linesRead()).contains("on time 20998");
    }

    @Test
    void aBoundedSourceWhosePathMatchesNoFileIsRefusedBeforeTheJobIsSubmitted() throws Exception {
        TextInput.write(work.resolve("logs/2026-11-30/part-0"), 1);
        String pattern = work.resolve("logs") + "/2026-12-*/part-*";
        StreamGraph graph = JobGraphs.build((job, params) -> job.source("lines", FileSource.lines(pattern))
                .sink("out", Sinks.discard()), JobParams.of(Map.of()), new Configuration());

        assertThatThrownBy(() -> ConnectorPreflight.check(graph,
                new HadoopFileAccess(new org.apache.hadoop.conf.Configuration())))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessage("source 'lines': " + pattern + " matches no files");
    }
}
