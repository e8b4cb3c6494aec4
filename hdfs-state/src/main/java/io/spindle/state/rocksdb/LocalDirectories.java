package io.spindle.state.rocksdb;

import io.spindle.state.StateException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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

    /**
     * Deletes {@code directory} and everything in it. Files that vanish meanwhile are fine: a snapshot's
     * upload and its backend's close may delete the same snapshot directory at the same time.
     */
    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** As {@link #deleteRecursively}, adding a failure to {@code cause}. */
    static void deleteQuietly(Path directory, Throwable cause) {
        try {
            deleteRecursively(directory);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
