package io.spindle.state.rocksdb;

import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Helpers of the checkpoint tests. */
final class CheckpointTesting {

    private CheckpointTesting() { }

    /**
     * The directories the coordinator creates before tasks upload into them: {@code shared/} and the
     * {@code chk-<n>/} of the checkpoints these tests take (ids 1 to 10).
     */
    static Path createCheckpointDirectories(Path jobDirectory) throws IOException {
        Files.createDirectories(jobDirectory.resolve("shared"));
        for (int id = 1; id <= 10; id++) {
            Files.createDirectories(jobDirectory.resolve("chk-" + id));
        }
        return jobDirectory;
    }

    /** Takes the snapshot and uploads it at once. */
    static NativeKeyedState checkpoint(RocksDbKeyedStateBackend<?> backend, long checkpointId, SnapshotFiles files)
            throws IOException {
        return backend.snapshot(checkpointId).upload(files);
    }

    static Set<String> paths(java.util.Collection<StateFile> files) {
        return files.stream().map(StateFile::path).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> sharedPaths(NativeKeyedState handle) {
        return paths(handle.sharedFiles().values());
    }

    static Set<String> allPaths(NativeKeyedState handle) {
        Set<String> all = new TreeSet<>(sharedPaths(handle));
        all.addAll(paths(handle.privateFiles().values()));
        return all;
    }

    /** Files under {@code root}, as paths relative to it with '/'. */
    static Set<String> filesUnder(Path root) {
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Snapshot directories left in a working directory. */
    static List<Path> snapshotDirectories(Path workingDirectory) {
        if (!Files.exists(workingDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(workingDirectory)) {
            return entries.filter(entry -> entry.getFileName().toString()
                    .startsWith(RocksDbKeyedStateBackend.SNAPSHOT_DIRECTORY_PREFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> Set<T> intersection(Set<T> a, Set<T> b) {
        Set<T> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
