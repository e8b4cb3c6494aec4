package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.FileSource;
import io.spindle.api.connectors.Sink;
import io.spindle.core.config.Configuration;
import io.spindle.state.checkpoint.SavepointFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded file source stopped with a savepoint in the middle of its splits and restored at another parallelism:
 * every unfinished split is read once from where it stood.
 */
class FileSourceRescaleTest {

    private static final int FILES = 6;
    private static final int LINES_PER_FILE = 2000;

    @TempDir
    Path work;

    private final List<String> read = Collections.synchronizedList(new ArrayList<>());
    private final Sink<String> collect = context -> read::add;

    private Configuration configuration(int parallelism, String restorePath) {
        return LocalJobs.checkpointed(work, parallelism, "execution.state-recovery.path", restorePath);
    }

    /** Splits of about 1,000 lines; slowed to a line per millisecond per subtask, so no subtask ends before the stop. */
    private SpindleJob job(Path input, boolean slow) {
        return (builder, params) -> builder.source("lines", FileSource.lines(input.toString()).splitSize(12_000))
                .map("pace", line -> {
                    if (slow) {
                        Thread.sleep(1);
                    }
                    return line;
                }, Codecs.STRING)
                .sink("collect", collect);
    }

    @ParameterizedTest(name = "stopped at parallelism {0}, restored at {1}")
    @CsvSource({"2, 3", "3, 1"})
    void everyLineIsReadOnceAfterAStopAndARestoreAtAnotherParallelism(int before, int after) throws Exception {
        Path input = work.resolve("input");
        List<String> expected = new ArrayList<>();
        for (int file = 0; file < FILES; file++) {
            expected.addAll(TextInput.write(input.resolve("part-" + file), LINES_PER_FILE));
        }
        LocalJob first = new LocalExecutor(configuration(before, null)).start(job(input, true), JobParams.of(Map.of()));
        LocalJobs.awaitCondition("lines of the first run", () -> read.size() >= 300);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);
        int readBefore = read.size();

        LocalJobs.execute(new LocalExecutor(configuration(after, savepoint)), job(input, false), JobParams.of(Map.of()));

        assertThat(readBefore).as("lines read before the stop").isLessThan(expected.size() / 2);
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    }
}
