package io.spindle.state.savepoint;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavepointsTest {

    @TempDir
    Path tempDir;

    private SavepointTesting testing;

    @BeforeEach
    void setUp() {
        testing = new SavepointTesting(tempDir);
    }

    @AfterEach
    void tearDown() throws Exception {
        testing.close();
    }

    private static Path local(String location) {
        return Path.of(URI.create(location));
    }

    // ---- dispose ---------------------------------------------------------------------------------------

    @Test
    void disposingDeletesTheSavepointDirectory() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.NATIVE, 1);

        Savepoints.dispose(savepoint.directory(), testing.hadoop());

        assertThat(local(savepoint.directory())).doesNotExist();
    }

    @Test
    void disposingADirectoryWithoutMetadataIsRefused() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.NATIVE, 1);
        Files.delete(local(savepoint.metadataFile()));

        assertThatThrownBy(() -> Savepoints.dispose(savepoint.directory(), testing.hadoop()))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot dispose " + savepoint.directory())
                .hasMessageContaining("_metadata");
        assertThat(local(savepoint.directory())).exists();
    }

    @Test
    void disposingASavepointWithTruncatedMetadataIsRefused() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.NATIVE, 1);
        Path metadata = local(savepoint.metadataFile());
        byte[] bytes = Files.readAllBytes(metadata);
        Files.write(metadata, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> Savepoints.dispose(savepoint.directory(), testing.hadoop()))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThat(metadata).exists();
    }

    @Test
    void disposingACheckpointIsRefused() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(tempDir.resolve("checkpoints").toUri().toString(),
                SavepointTesting.JOB, testing.hadoop());
        storage.initializeLocation(1);
        CompletedCheckpoint checkpoint = storage.finalizeCheckpoint(
                new CheckpointMetadata(SavepointTesting.JOB, "test job", 1, 0, null, List.of()));

        assertThatThrownBy(() -> Savepoints.dispose(checkpoint.directory(), testing.hadoop()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a savepoint");
        assertThat(local(checkpoint.metadataFile())).exists();
    }

    // ---- copy ------------------------------------------------------------------------------------------

    @Test
    void aCopiedSavepointIsCompleteAndRestoresFromItsNewPlace() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.NATIVE, 2);
        String target = tempDir.resolve("elsewhere/copy").toUri().toString();

        Savepoints.copy(savepoint.directory(), target, testing.hadoop());
        CompletedCheckpoint copy = CheckpointStorage.load(target, testing.hadoop());

        assertThat(copy.metadata()).usingRecursiveComparison().isEqualTo(savepoint.metadata());
        assertThat(SavepointVerifier.verify(copy, testing.hadoop())).isEmpty();
        testing.assertEveryKeyRestores(copy);
    }

    @Test
    void copyingACorruptedSavepointFailsNamingTheFileAndLeavesNothingBehind() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.CANONICAL, 1);
        StateFile file = SavepointVerifier.referencedFiles(savepoint).values().iterator().next();
        Path stored = local(savepoint.resolve(file));
        byte[] bytes = Files.readAllBytes(stored);
        bytes[0] ^= 1;
        Files.write(stored, bytes);
        Path target = tempDir.resolve("elsewhere/copy");

        assertThatThrownBy(() -> Savepoints.copy(savepoint.directory(), target.toUri().toString(), testing.hadoop()))
                .isInstanceOf(IOException.class).hasMessageContaining(file.path() + " checksum mismatch");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void copyingIntoADirectoryThatIsNotEmptyIsRefused() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.NATIVE, 1);
        Path target = Files.createDirectories(tempDir.resolve("elsewhere/copy"));
        Files.writeString(target.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> Savepoints.copy(savepoint.directory(), target.toUri().toString(), testing.hadoop()))
                .isInstanceOf(IOException.class).hasMessageContaining("not empty");
    }
}
