package io.spindle.state.rocksdb;

import io.spindle.state.checkpoint.StateFile;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static io.spindle.state.rocksdb.CheckpointTesting.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HadoopSnapshotFilesTest {

    @TempDir
    Path tempDir;

    private Path jobDirectory;
    private HadoopSnapshotFiles files;
    private Path local;

    @BeforeEach
    void setUp() throws IOException {
        jobDirectory = CheckpointTesting.createCheckpointDirectories(tempDir.resolve("checkpoints/job-1"));
        files = HadoopSnapshotFiles.forDirectory(jobDirectory.toUri().toString(), new Configuration());
        local = Files.write(tempDir.resolve("000042.sst"), "sst bytes".getBytes());
    }

    @Test
    void anUploadReportsItsSizeAndChecksum() throws IOException {
        StateFile file = files.upload(local, "shared/u-000042.sst");

        CRC32C crc = new CRC32C();
        crc.update("sst bytes".getBytes());
        assertThat(file).isEqualTo(new StateFile("shared/u-000042.sst", 9, (int) crc.getValue()));
        assertThat(jobDirectory.resolve("shared/u-000042.sst")).hasContent("sst bytes");
    }

    @Test
    void anUploadIntoTheDirectoryOfAnAbortedCheckpointFailsAndDoesNotBringItBack() {
        assertThatThrownBy(() -> files.upload(local, "chk-11/u-CURRENT")).isInstanceOf(IOException.class);

        assertThat(jobDirectory.resolve("chk-11")).doesNotExist();
    }

    @Test
    void localUploadsLeaveNoChecksumSideFiles() throws IOException {
        files.upload(local, "chk-1/u-CURRENT");

        assertThat(filesUnder(jobDirectory)).containsExactly("chk-1/u-CURRENT");
    }

    @Test
    void anUploadNeverOverwritesAnExistingFileAndLeavesItAlone() throws IOException {
        Files.createDirectories(jobDirectory.resolve("shared"));
        Files.writeString(jobDirectory.resolve("shared/u-000042.sst"), "someone else's");

        assertThatThrownBy(() -> files.upload(local, "shared/u-000042.sst")).isInstanceOf(IOException.class);
        assertThat(jobDirectory.resolve("shared/u-000042.sst")).hasContent("someone else's");
    }

    @Test
    void anInterruptedUploadStopsAndLeavesNoPartialFile() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> files.upload(local, "shared/u-000042.sst"))
                    .isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(jobDirectory.resolve("shared/u-000042.sst")).doesNotExist();
    }

    @Test
    void aDownloadRecreatesTheFile() throws IOException {
        StateFile file = files.upload(local, "shared/u-000042.sst");
        Path target = tempDir.resolve("restored-000042.sst");

        files.download(file, target);

        assertThat(target).hasContent("sst bytes");
    }

    @Test
    void aDownloadOfAFileWithAnotherSizeFailsAndLeavesNothing() throws IOException {
        files.upload(local, "shared/u-000042.sst");
        Path target = tempDir.resolve("restored-000042.sst");

        assertThatThrownBy(() -> files.download(new StateFile("shared/u-000042.sst", 100, 0x5EED), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated or replaced");
        assertThat(target).doesNotExist();
    }

    @Test
    void aDownloadOfATruncatedFileFailsNamingItAndLeavesNothing() throws IOException {
        StateFile file = files.upload(local, "shared/u-000042.sst");
        Files.write(jobDirectory.resolve("shared/u-000042.sst"), "sst".getBytes());
        Path target = tempDir.resolve("restored-000042.sst");

        assertThatThrownBy(() -> files.download(file, target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("shared/u-000042.sst has 3 bytes where the metadata says 9");
        assertThat(target).doesNotExist();
    }

    @Test
    void aDownloadOfAFileWithAFlippedByteFailsNamingItAndLeavesNothing() throws IOException {
        StateFile file = files.upload(local, "shared/u-000042.sst");
        Files.write(jobDirectory.resolve("shared/u-000042.sst"), "sst bztes".getBytes());
        Path target = tempDir.resolve("restored-000042.sst");

        assertThatThrownBy(() -> files.download(file, target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("shared/u-000042.sst checksum mismatch")
                .hasMessageContaining("corrupted");
        assertThat(target).doesNotExist();
    }

    @Test
    void deletingAMissingFileIsNotAnError() throws IOException {
        files.delete(new StateFile("shared/never-uploaded.sst", 1, 0x5EED));

        assertThat(filesUnder(jobDirectory)).isEmpty();
    }

    @Test
    void stateFilesAreResolvedAgainstTheJobDirectory() {
        assertThat(files.resolve(new StateFile("chk-3/x", 1, 0x5EED)).toUri().getPath())
                .isEqualTo(jobDirectory.resolve("chk-3/x").toString());
    }
}
