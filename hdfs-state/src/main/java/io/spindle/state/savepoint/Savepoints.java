package io.spindle.state.savepoint;

import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.StateFiles;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.fs.HadoopFileAccess;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;

/** Offline operations on whole savepoints: deleting one, copying one to another place or file system. */
public final class Savepoints {

    private Savepoints() { }

    /**
     * Deletes the savepoint at {@code path} (its directory or its {@code _metadata}) with everything in its
     * directory, {@code _metadata} first, so that what a failure leaves is never restorable. Refuses, with an
     * {@link IOException} giving the reason in one line, anything that is not a readable savepoint: a missing or
     * unreadable {@code _metadata}, or a checkpoint (whose files belong to its job's retention).
     */
    public static void dispose(String path, Configuration hadoopConfiguration) throws IOException {
        CompletedCheckpoint savepoint = loadSavepoint(path, hadoopConfiguration, "dispose");
        Path directory = new Path(savepoint.directory());
        FileSystem fs = new HadoopFileAccess(hadoopConfiguration).fileSystem(directory);
        CheckpointStorage.delete(fs, new Path(savepoint.metadataFile()), false);
        CheckpointStorage.delete(fs, directory, true);
    }

    /**
     * Copies the savepoint at {@code source} into the directory {@code target} (absent or empty), between any
     * two Hadoop file systems: every file its metadata references, checked against its size and CRC32C while
     * copied, then {@code _metadata}, last and atomically, so that a copy that stopped half-way is never
     * restorable. Paths in a savepoint are relative to its directory, so the copy restores where it is.
     *
     * @return the copy
     */
    public static CompletedCheckpoint copy(String source, String target, Configuration hadoopConfiguration)
            throws IOException {
        CompletedCheckpoint savepoint = loadSavepoint(source, hadoopConfiguration, "copy");
        HadoopFileAccess access = new HadoopFileAccess(hadoopConfiguration);
        FileSystem sourceFs = access.fileSystem(new Path(savepoint.directory()));
        return intoEmptyDirectory(target, hadoopConfiguration, "copy " + source, targetDirectory -> {
            FileSystem targetFs = access.fileSystem(targetDirectory);
            for (StateFile file : SavepointVerifier.referencedFiles(savepoint).values()) {
                Path from = new Path(savepoint.resolve(file));
                Path to = new Path(targetDirectory, file.path());
                if (!targetFs.mkdirs(to.getParent())) {
                    throw new IOException("cannot create " + to.getParent());
                }
                try (FSDataInputStream in = sourceFs.open(from);
                     FSDataOutputStream out = targetFs.create(to, false)) {
                    StateFiles.check(file, StateFiles.copy(in, out, file.path(), from + " to " + to), from.toString());
                } catch (FileNotFoundException e) {
                    throw new FileNotFoundException(from + " is missing: the savepoint is incomplete");
                }
            }
            CheckpointStorage.publishMetadata(targetFs, targetDirectory, savepoint.metadata());
            return new CompletedCheckpoint(savepoint.metadata(), targetDirectory.toString(), true);
        });
    }

    /** Writes a savepoint into a directory; its {@code _metadata} is published last. */
    interface SavepointWriter {
        CompletedCheckpoint write(Path directory) throws IOException;
    }

    /**
     * Runs {@code writer} on {@code directory}, which must not exist or be empty. If it fails, everything it
     * wrote goes again (a half-written savepoint has no {@code _metadata}, but should not stay as litter either).
     */
    static CompletedCheckpoint intoEmptyDirectory(String directory, Configuration hadoopConfiguration, String action,
                                                  SavepointWriter writer) throws IOException {
        Path path = createEmptyDirectory(directory, hadoopConfiguration, action);
        try {
            return writer.write(path);
        } catch (IOException | RuntimeException e) {
            try {
                FileSystem fs = new HadoopFileAccess(hadoopConfiguration).fileSystem(path);
                for (FileStatus child : fs.listStatus(path)) {
                    fs.delete(child.getPath(), true);
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The savepoint at {@code path}; an {@link IOException} saying in one line why it is none. */
    static CompletedCheckpoint loadSavepoint(String path, Configuration hadoopConfiguration, String action)
            throws IOException {
        CompletedCheckpoint loaded;
        try {
            loaded = CheckpointStorage.load(path, hadoopConfiguration);
        } catch (IOException e) {
            throw new IOException("cannot " + action + " " + path + ": " + e.getMessage(), e);
        }
        if (!loaded.savepoint() || !loaded.metadata().isSavepoint()) {
            throw new IOException("cannot " + action + " " + path + ": " + loaded.directory() + " is checkpoint "
                    + loaded.checkpointId() + " of job " + loaded.metadata().jobId() + ", not a savepoint");
        }
        return loaded;
    }

    /** Creates {@code directory}, which must not exist or be empty; fully qualified. */
    static Path createEmptyDirectory(String directory, Configuration hadoopConfiguration, String action)
            throws IOException {
        Path path = new Path(directory);
        FileSystem fs = new HadoopFileAccess(hadoopConfiguration).fileSystem(path);
        try {
            FileStatus[] children = fs.listStatus(path);
            if (children.length > 0) {
                throw new IOException("cannot " + action + " into " + directory + ": the directory is not empty");
            }
        } catch (FileNotFoundException absent) {
            if (!fs.mkdirs(path)) {
                throw new IOException("cannot create " + directory);
            }
        }
        return fs.makeQualified(path);
    }
}
