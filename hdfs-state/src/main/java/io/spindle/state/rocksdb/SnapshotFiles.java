package io.spindle.state.rocksdb;

import io.spindle.state.checkpoint.StateFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where RocksDB snapshots are uploaded to and restored from: the job's checkpoint directory, addressed by
 * paths relative to it ({@code shared/<uuid>-000042.sst}, {@code chk-7/<uuid>-MANIFEST-000005}), or a savepoint
 * directory, whose files lie flat in it ({@code <uuid>-000042.sst}), as in {@link StateFile}. The seam between the RocksDB backend and the checkpoint storage; {@link HadoopSnapshotFiles}
 * implements it on any Hadoop FileSystem.
 *
 * <p>Implementations are called from several transfer threads at once and must be thread-safe. A transfer
 * thread is interrupted when its checkpoint is cancelled or another transfer of it failed; an implementation
 * should then stop soon, with an {@link java.io.InterruptedIOException}, and leave no partial file behind.
 */
public interface SnapshotFiles {

    /**
     * Copies {@code localFile} to {@code relativePath}, which must not exist yet (uploads never overwrite), in
     * a directory that must exist ({@code shared/}, or the {@code chk-<n>/} the coordinator created when it
     * triggered the checkpoint, and deletes when it aborts it). Nothing is left at {@code relativePath} if it
     * fails.
     *
     * @return the uploaded file with the number of bytes written and their checksum
     */
    StateFile upload(Path localFile, String relativePath) throws IOException;

    /**
     * Copies {@code file} to {@code localTarget}, which must not exist yet; fails with an {@link IOException}
     * naming the file if the stored bytes differ from {@link StateFile#size()} or {@link StateFile#checksum()}
     * (truncated, replaced or corrupted). Nothing is left at {@code localTarget} if it fails.
     */
    void download(StateFile file, Path localTarget) throws IOException;

    /**
     * Reads {@code file} from byte {@code offset} on, for formats that read only part of a file (and check
     * their parts themselves: no whole-file checksum can be checked here).
     */
    InputStream open(StateFile file, long offset) throws IOException;

    /** Deletes an uploaded file; a file that does not exist is not an error. */
    void delete(StateFile file) throws IOException;
}
