package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.StateFile;
import org.apache.hadoop.fs.FSDataInputStream;

import java.io.IOException;
import java.io.InputStream;

/** What a task does with a job's checkpoint storage: upload state files, read them on restore. */
public interface CheckpointStorageWorkerView {

    /** Writes a state file of checkpoint n under a fresh unique name; returns its relative path and size. */
    StateFile writeState(long checkpointId, StateScope scope, String fileName, InputStream data) throws IOException;

    /** Uploads a local file (a RocksDB SST, say) under its own name. */
    StateFile writeState(long checkpointId, StateScope scope, java.nio.file.Path localFile) throws IOException;

    FSDataInputStream open(StateFile file) throws IOException;
}
