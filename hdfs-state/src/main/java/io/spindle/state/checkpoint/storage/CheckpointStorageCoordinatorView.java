package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.CheckpointMetadata;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What the checkpoint coordinator does with a job's checkpoint storage (implemented by {@link CheckpointStorage}). */
public interface CheckpointStorageCoordinatorView {

    String jobId();

    Path jobDirectory();

    /** Creates {@code chk-<n>/} when checkpoint n is triggered. */
    Path initializeLocation(long checkpointId) throws IOException;

    /** Publishes {@code chk-<n>/_metadata} atomically (temporary file, then rename). */
    CompletedCheckpoint finalizeCheckpoint(CheckpointMetadata metadata) throws IOException;

    /** Creates {@code <targetDirectory>/savepoint-<job>-<random>/}, fully qualified. */
    Path initializeSavepoint(String targetDirectory) throws IOException;

    /** Publishes {@code <location>/_metadata} atomically; the result is a savepoint. */
    CompletedCheckpoint finalizeSavepoint(Path location, CheckpointMetadata metadata) throws IOException;

    /** Deletes the directory of a savepoint that did not complete; refuses a complete one. */
    void discardSavepoint(Path location) throws IOException;

    /** Deletes {@code chk-<n>/} with everything in it. */
    void discardCheckpoint(long checkpointId) throws IOException;

    /** Completed checkpoints, newest first, unreadable ones skipped. */
    List<CompletedCheckpoint> listCompleted() throws IOException;

    Optional<CompletedCheckpoint> latestCompleted() throws IOException;

    /** Highest n of any {@code chk-<n>}, complete or not; 0 if none. */
    long highestCheckpointId() throws IOException;
}
