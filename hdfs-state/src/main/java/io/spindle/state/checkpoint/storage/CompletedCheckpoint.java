package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.StateFile;

import java.util.Objects;

/**
 * A checkpoint whose {@code _metadata} is published, with where it lives.
 *
 * @param metadata  what {@code _metadata} holds
 * @param directory fully qualified directory of {@code _metadata}: {@code <base>/<job-id>/chk-<n>} for a
 *                  checkpoint, the savepoint directory for a savepoint
 * @param savepoint true if the files belong to the user (a savepoint, or anything not in a {@code chk-<n>}
 *                  directory): nothing in Spindle's checkpoint retention deletes them
 */
public record CompletedCheckpoint(CheckpointMetadata metadata, String directory, boolean savepoint) {

    public CompletedCheckpoint {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(directory, "directory");
    }

    public long checkpointId() {
        return metadata.checkpointId();
    }

    /**
     * The directory {@link StateFile} paths are relative to: the job's checkpoint directory (parent of
     * {@code chk-<n>}) for a checkpoint, the savepoint directory itself for a savepoint.
     */
    public String stateRoot() {
        if (savepoint) {
            return directory;
        }
        int slash = directory.lastIndexOf('/');
        return directory.substring(0, slash);
    }

    /** Fully qualified location of one of this checkpoint's files. */
    public String resolve(StateFile file) {
        return stateRoot() + "/" + file.path();
    }

    /** Location of the {@code _metadata} file. */
    public String metadataFile() {
        return directory + "/" + CheckpointStorage.METADATA_FILE_NAME;
    }
}
