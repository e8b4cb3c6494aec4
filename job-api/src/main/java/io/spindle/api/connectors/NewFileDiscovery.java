package io.spindle.api.connectors;

import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the files that appeared under a continuous file source's paths. Every subtask lists the paths and takes the
 * new files whose path hashes to it, so each file has one reader without any coordination. The files a subtask took
 * are union list state: after a restore at any parallelism every subtask knows every file taken before, and keeps
 * those that now hash to it. A file no longer listed is forgotten, so the state holds the files that are still
 * there, not every file ever read.
 */
final class NewFileDiscovery {

    private static final ListStateDescriptor<String> SEEN =
            new ListStateDescriptor<>("file-source-seen-files", Codecs.STRING);

    private final FileAccess files;
    private final List<String> paths;
    private final long splitBytes;
    private final long intervalNanos;
    private final int subtask;
    private final int parallelism;
    private final ListState<String> state;
    private final Set<String> seen = new HashSet<>();
    private long nextListing = System.nanoTime();

    NewFileDiscovery(SourceContext context, List<String> paths, long splitBytes, Duration interval) {
        this.files = context.files();
        this.paths = paths;
        this.splitBytes = splitBytes;
        this.intervalNanos = interval.toNanos();
        this.subtask = context.subtaskIndex();
        this.parallelism = context.parallelism();
        this.state = context.unionListState(SEEN);
        for (String path : state.get()) {
            if (isMine(path)) {
                seen.add(path);
            }
        }
    }

    /** The splits of the files that are new since the last listing, once the interval has passed; else none. */
    List<FileSplit> poll() throws IOException {
        long now = System.nanoTime();
        if (now - nextListing < 0) {
            return List.of();
        }
        nextListing = now + intervalNanos;
        Set<String> listed = new HashSet<>();
        List<FileSplit> found = new ArrayList<>();
        for (FileAccess.FileInfo file : FileEnumerator.files(files, paths, false)) {
            if (isMine(file.path())) {
                listed.add(file.path());
                if (seen.add(file.path())) {
                    found.addAll(FileEnumerator.splits(file, splitBytes));
                }
            }
        }
        seen.retainAll(listed);
        return found;
    }

    void snapshotState() {
        state.update(new ArrayList<>(seen));
    }

    /** String's hash is specified, so every subtask and every restore agrees on it. */
    private boolean isMine(String path) {
        return Math.floorMod(path.hashCode(), parallelism) == subtask;
    }
}
