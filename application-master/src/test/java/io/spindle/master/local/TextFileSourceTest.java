package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TextFileSourceTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "split {0} bytes, parallelism {1}")
    @CsvSource({"1, 1", "7, 2", "64, 3", "1000, 4", "100000, 2"})
    void everyLineIsReadExactlyOnceWhateverTheSplitSize(long splitBytes, int parallelism) throws Exception {
        List<String> expected = new ArrayList<>();
        Path input = Files.createDirectories(work.resolve("input"));
        SplittableRandom random = new SplittableRandom(splitBytes);
        for (int file = 0; file < 3; file++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 300; line++) {
                String content = "f" + file + "-l" + line + "-" + "é€".repeat(random.nextInt(0, 40));
                expected.add(content);
                text.append(content).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            expected.add("");
            text.append("\n");
            String last = "f" + file + "-unterminated";
            expected.add(last);
            text.append(last);
            Files.writeString(input.resolve("part-" + file + ".txt"), text, StandardCharsets.UTF_8);
        }
        Files.writeString(input.resolve("_SUCCESS"), "hidden by Hadoop's convention\n");
        Files.writeString(input.resolve(".hidden"), "hidden too\n");
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        Sink<String> collect = context -> read::add;

        LocalJobs.execute(new LocalExecutor(Configuration.fromMap(Map.of("parallelism.default",
                        String.valueOf(parallelism)))),
                (job, params) -> job.source("lines", Sources.textFiles(input.toString(), splitBytes))
                        .sink("collect", collect), JobParams.of(Map.of()));

        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @CsvSource({"1", "3"})
    void textFileSinkPublishesOneFinishedFilePerSubtaskAndLeavesNothingElse(int parallelism) throws Exception {
        Path output = work.resolve("out");

        LocalJobs.execute(new LocalExecutor(Configuration.fromMap(Map.of("parallelism.default",
                        String.valueOf(parallelism)))),
                (job, params) -> job.source("numbers", Sources.collection(List.of("1", "2", "3", "4"), Codecs.STRING))
                        .sink("files", Sinks.textFiles(output.toString())), JobParams.of(Map.of()));

        List<String> names;
        try (var files = Files.list(output)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(parallelism);
        for (int i = 0; i < parallelism; i++) {
            assertThat(names.get(i)).matches("part-" + i + "-[0-9a-f]{8}-0");
        }
        List<String> lines = new ArrayList<>();
        for (String part : names) {
            lines.addAll(Files.readAllLines(output.resolve(part)));
        }
        assertThat(lines).containsExactlyInAnyOrder("1", "2", "3", "4");
    }
}
