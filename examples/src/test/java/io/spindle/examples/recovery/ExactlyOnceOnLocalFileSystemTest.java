package io.spindle.examples.recovery;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;

/**
 * The exactly-once suite with checkpoints on the local file system (file://). In the soak profile: every build runs the
 * suite on HDFS ({@link ExactlyOnceOnHdfsTest}), and both file systems go through the same storage code.
 */
@Tag("soak")
class ExactlyOnceOnLocalFileSystemTest extends ExactlyOnceContract {

    @TempDir
    java.nio.file.Path work;

    @Override
    protected String checkpointBase() {
        return work.resolve("checkpoints").toUri().toString();
    }

    @Override
    protected FileSystem fileSystem() throws IOException {
        return FileSystem.get(URI.create("file:///"), new org.apache.hadoop.conf.Configuration());
    }

    @Override
    protected java.nio.file.Path localDirectory() {
        return work;
    }

    /** A plain file where the directory was: creating anything inside fails, even for root. */
    @Override
    protected void refuseUploads(Path shared) throws IOException {
        java.nio.file.Path directory = java.nio.file.Path.of(shared.toUri());
        Files.move(directory, refused(directory));
        Files.createFile(directory);
    }

    @Override
    protected void allowUploads(Path shared) throws IOException {
        java.nio.file.Path directory = java.nio.file.Path.of(shared.toUri());
        Files.delete(directory);
        Files.move(refused(directory), directory);
    }

    private static java.nio.file.Path refused(java.nio.file.Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".refused");
    }
}
