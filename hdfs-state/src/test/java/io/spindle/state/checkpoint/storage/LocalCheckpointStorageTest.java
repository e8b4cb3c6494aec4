package io.spindle.state.checkpoint.storage;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on file:// through Hadoop's local file system. */
class LocalCheckpointStorageTest extends CheckpointStorageContractTest {

    @TempDir
    Path tempDir;

    @Override
    protected String checkpointsBaseUri(String testName) {
        return tempDir.resolve("checkpoints").toUri().toString();
    }

    @Override
    protected Configuration hadoopConfiguration() {
        return new Configuration();
    }

    @Override
    protected int manyCheckpoints() {
        return 240;
    }

    @Test
    void noChecksumSideFilesAreWrittenOnTheLocalFileSystem() throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, 2);
        SimulatedIncrementalJob job = new SimulatedIncrementalJob(storage, 2, 20);
        for (int i = 0; i < 5; i++) {
            job.checkpoint(store);
        }

        try (Stream<Path> files = Files.walk(tempDir)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            assertThat(names).isNotEmpty().noneMatch(name -> name.endsWith(".crc"));
        }
    }

    @Test
    void theJobDirectoryIsTheBaseDirectoryPlusTheJobId() {
        assertThat(storage.jobDirectory().toUri().getScheme()).isEqualTo("file");
        assertThat(storage.jobDirectory().toUri().getPath())
                .isEqualTo(tempDir.resolve("checkpoints").resolve(storage.jobId()).toString());
    }
}
