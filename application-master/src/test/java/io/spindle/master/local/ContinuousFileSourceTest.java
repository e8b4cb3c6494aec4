package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.connectors.FileSource;
import io.spindle.api.connectors.Sink;
import io.spindle.core.config.Configuration;
import io.spindle.state.checkpoint.SavepointFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContinuousFileSourceTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path work;

    private final List<String> read = Collections.synchronizedList(new ArrayList<>());
    private final Sink<String> collect = context -> read::add;

    private Path input() {
        return work.resolve("input");
    }

    private SpindleJob job() {
        return (builder, params) -> builder
                .source("lines", FileSource.lines(input().toString()).monitorContinuously(INTERVAL))
                .sink("collect", collect);
    }

    private LocalJob start(int parallelism, String restorePath) {
        Map<String, String> settings = new HashMap<>(Map.of("parallelism.default", String.valueOf(parallelism),
                "execution.checkpointing.interval", "100 ms",
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "execution.checkpointing.savepoint-dir", work.resolve("savepoints").toUri().toString()));
        if (restorePath != null) {
            settings.put("execution.state-recovery.path", restorePath);
        }
        return new LocalExecutor(Configuration.fromMap(settings)).start(job(), JobParams.of(Map.of()));
    }

    private void awaitRead(List<String> lines) throws Exception {
        LocalJobs.awaitCondition(lines.size() + " lines", () -> read.size() >= lines.size());
    }

    @Test
    void aFileAddedWhileTheJobRunsIsRead() throws Exception {
        List<String> expected = new ArrayList<>(TextInput.publish(input().resolve("a"), 100));
        LocalJob job = start(2, null);
        awaitRead(expected);

        expected.addAll(TextInput.publish(input().resolve("b"), 100));
        awaitRead(expected);
        job.cancel();

        assertThatThrownBy(() -> LocalJobs.await(job)).isInstanceOf(JobCancelledException.class);
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aJobRestoredAtAnotherParallelismReadsOnlyTheFilesItHadNotRead() throws Exception {
        List<String> old = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            old.addAll(TextInput.publish(input().resolve(name), 100));
        }
        LocalJob first = start(2, null);
        awaitRead(old);
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);
        read.clear();

        List<String> added = TextInput.publish(input().resolve("e"), 100);
        LocalJob restored = start(3, savepoint);
        awaitRead(added);
        // old files read again would come with the new one, in the same listing: give them a few listings more
        Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
        restored.cancel();

        assertThatThrownBy(() -> LocalJobs.await(restored)).isInstanceOf(JobCancelledException.class);
        assertThat(read).containsExactlyInAnyOrderElementsOf(added);
    }
}
