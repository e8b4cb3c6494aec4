package io.spindle.state.rocksdb;

import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.StateFiles;
import io.spindle.state.fs.HadoopFileAccess;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * {@link SnapshotFiles} in a job's checkpoint directory or a savepoint directory on a Hadoop FileSystem
 * (hdfs://, file://...).
 * Copies in chunks and checks for interruption between them, so a cancelled transfer stops within one
 * chunk; computes each upload's checksum while copying it and checks size and checksum of each download.
 * Thread-safe (Hadoop file systems are).
 *
 * <p>On the local file system, files are created with java.nio rather than Hadoop's RawLocalFileSystem,
 * which runs a {@code chmod} shell for every file it creates (about 5 ms each) and swallows the thread's
 * interruption while it waits for it. Everything else goes through Hadoop.
 */
public final class HadoopSnapshotFiles implements SnapshotFiles {

    private final FileSystem fileSystem;
    private final org.apache.hadoop.fs.Path directory;

    /**
     * @param directory what state file paths are relative to: the job's checkpoint directory
     *                  {@code <checkpoints-dir>/<job-id>}, or a savepoint directory
     */
    public HadoopSnapshotFiles(FileSystem fileSystem, org.apache.hadoop.fs.Path directory) {
        Objects.requireNonNull(fileSystem, "file system");
        // No .crc side files: HDFS checksums its blocks itself, and the local copy needs none.
        this.fileSystem = fileSystem instanceof LocalFileSystem local ? local.getRaw() : fileSystem;
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * On the file system of {@code directory} (a job's checkpoint directory or a savepoint directory); local
     * directories without Hadoop's .crc side files. Unchecked: a file system that cannot even be reached fails
     * the task or job that needs it, like any other fault.
     */
    public static HadoopSnapshotFiles forDirectory(String directory, Configuration hadoopConfiguration) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(directory);
        try {
            return new HadoopSnapshotFiles(new HadoopFileAccess(hadoopConfiguration).fileSystem(path), path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint or savepoint directory " + directory, e);
        }
    }

    public org.apache.hadoop.fs.Path directory() {
        return directory;
    }

    /** Where a state file lives. */
    public org.apache.hadoop.fs.Path resolve(StateFile file) {
        return resolve(file.path());
    }

    private org.apache.hadoop.fs.Path resolve(String relativePath) {
        return new org.apache.hadoop.fs.Path(directory, relativePath);
    }

    @Override
    public StateFile upload(Path localFile, String relativePath) throws IOException {
        // Validates the path before anything is written.
        new StateFile(relativePath, 0, 0);
        org.apache.hadoop.fs.Path path = resolve(relativePath);
        boolean creating = false;
        try (InputStream in = Files.newInputStream(localFile)) {
            creating = true;
            try (OutputStream out = create(path)) {
                return StateFiles.copy(in, out, relativePath, localFile + " to " + path);
            }
        } catch (IOException | RuntimeException e) {
            // Never a file that existed before: that is someone else's. A create may fail after it made the file.
            if (creating && !(e instanceof FileAlreadyExistsException)
                    && !(e instanceof java.nio.file.FileAlreadyExistsException)) {
                deleteQuietly(path, e);
            }
            throw e;
        }
    }

    /**
     * A new file in an existing directory; fails if it exists. Never creates the directory: the one of an
     * aborted checkpoint is gone, and a late upload must fail rather than bring it back as an orphan.
     */
    private OutputStream create(org.apache.hadoop.fs.Path path) throws IOException {
        if (fileSystem instanceof RawLocalFileSystem local) {
            Path file = local.pathToFile(path).toPath();
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        return fileSystem.createNonRecursive(path, false, fileSystem.getConf().getInt("io.file.buffer.size", 4096),
                fileSystem.getDefaultReplication(path), fileSystem.getDefaultBlockSize(path), null);
    }

    @Override
    public void download(StateFile file, Path localTarget) throws IOException {
        org.apache.hadoop.fs.Path path = resolve(file);
        try (InputStream in = fileSystem.open(path);
             OutputStream out = Files.newOutputStream(localTarget, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            StateFile copied = StateFiles.copy(in, out, file.path(), path + " to " + localTarget);
            StateFiles.check(file, copied, path.toString());
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(localTarget);
            } catch (IOException deletion) {
                e.addSuppressed(deletion);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(StateFile file, long offset) throws IOException {
        FSDataInputStream in = fileSystem.open(resolve(file));
        try {
            in.seek(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return in;
    }

    @Override
    public void delete(StateFile file) throws IOException {
        fileSystem.delete(resolve(file), false);
    }

    /**
     * An interrupted thread cannot talk to HDFS, and a cancelled upload is interrupted: the partial file
     * would stay as an orphan. So the interruption is set aside for the deletion and kept afterwards.
     */
    private void deleteQuietly(org.apache.hadoop.fs.Path path, Exception cause) {
        boolean interrupted = Thread.interrupted();
        try {
            fileSystem.delete(path, false);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "HadoopSnapshotFiles[" + directory + "]";
    }
}
