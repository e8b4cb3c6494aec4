package io.spindle.state.savepoint;

import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
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

import static org.assertj.core.api.Assertions.assertThat;

class SavepointVerifierTest {

    @TempDir
    Path tempDir;

    private SavepointTesting testing;
    private CompletedCheckpoint savepoint;
    private StateFile file;
    private Path local;

    @BeforeEach
    void setUp() throws IOException {
        testing = new SavepointTesting(tempDir);
        savepoint = testing.savepoint(SavepointFormat.NATIVE, 2);
        // names are random, so their order too: a file with bytes to flip or cut
        file = SavepointVerifier.referencedFiles(savepoint).values().stream().filter(f -> f.size() > 0)
                .findFirst().orElseThrow();
        local = Path.of(URI.create(savepoint.resolve(file)));
    }

    @AfterEach
    void tearDown() throws Exception {
        testing.close();
    }

    @Test
    void aCompleteSavepointHasNoProblems() throws IOException {
        assertThat(SavepointVerifier.verify(savepoint, testing.hadoop())).isEmpty();
    }

    @Test
    void aTruncatedFileIsReportedWithItsSizes() throws IOException {
        byte[] bytes = Files.readAllBytes(local);
        Files.write(local, Arrays.copyOf(bytes, bytes.length - 1));

        assertThat(SavepointVerifier.verify(savepoint, testing.hadoop())).containsExactly(savepoint.resolve(file)
                + " has " + (bytes.length - 1) + " bytes where the metadata says " + bytes.length
                + ": truncated or replaced");
    }

    @Test
    void aFlippedByteIsReportedAsAChecksumMismatch() throws IOException {
        byte[] bytes = Files.readAllBytes(local);
        bytes[bytes.length / 2] ^= 1;
        Files.write(local, bytes);

        assertThat(SavepointVerifier.verify(savepoint, testing.hadoop())).singleElement().asString()
                .startsWith(savepoint.resolve(file) + " checksum mismatch").endsWith("corrupted");
    }

    @Test
    void aMissingFileIsReported() throws IOException {
        Files.delete(local);

        assertThat(SavepointVerifier.verify(savepoint, testing.hadoop()))
                .containsExactly(savepoint.resolve(file) + " is missing");
    }

    @Test
    void checkBeforeRestoreReportsAMissingAndATruncatedFile() throws IOException {
        StateFile other = SavepointVerifier.referencedFiles(savepoint).values().stream()
                .filter(candidate -> !candidate.path().equals(file.path()) && candidate.size() > 0)
                .findFirst().orElseThrow();
        Path otherLocal = Path.of(URI.create(savepoint.resolve(other)));
        Files.delete(local);
        byte[] bytes = Files.readAllBytes(otherLocal);
        Files.write(otherLocal, Arrays.copyOf(bytes, bytes.length - 1));

        assertThat(SavepointVerifier.checkBeforeRestore(savepoint, testing.hadoop())).containsExactlyInAnyOrder(
                savepoint.resolve(file) + " is missing",
                savepoint.resolve(other) + " has " + (bytes.length - 1) + " bytes where the metadata says "
                        + bytes.length + ": truncated or replaced");
    }

    @Test
    void checkBeforeRestoreReadsWhatTheLocalFileSystemKeepsNoChecksumOf() throws IOException {
        byte[] bytes = Files.readAllBytes(local);
        bytes[bytes.length / 2] ^= 1;
        Files.write(local, bytes);

        assertThat(SavepointVerifier.checkBeforeRestore(savepoint, testing.hadoop())).singleElement().asString()
                .startsWith(savepoint.resolve(file) + " checksum mismatch").endsWith("corrupted");
    }

    @Test
    void checkBeforeRestoreFindsNoProblemInACompleteSavepoint() throws IOException {
        assertThat(SavepointVerifier.checkBeforeRestore(savepoint, testing.hadoop())).isEmpty();
    }
}
