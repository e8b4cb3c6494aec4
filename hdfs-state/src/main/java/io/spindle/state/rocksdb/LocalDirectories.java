package io.spindle.state.rocksdb;

import io.spindle.core.io.LocalFiles;
import io.spindle.state.StateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Creating and deleting the local directories of RocksDB instances and their snapshots. */
final class LocalDirectories {

    private LocalDirectories() { }

    /** Creates {@code directory}, or accepts it if it exists and is empty. */
    static void createEmpty(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException("the RocksDB working directory " + directory
                                + " is not empty (left over from an earlier run, or shared by mistake)");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StateException("cannot create the RocksDB working directory " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** As {@link LocalFiles#deleteRecursively}, adding a failure to {@code cause}. */
    static void deleteQuietly(Path directory, Throwable cause) {
        try {
            LocalFiles.deleteRecursively(directory);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
