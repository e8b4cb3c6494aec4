package io.spindle.api.connectors;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of text files (UTF-8, without line terminators) on any file system the cluster reaches. Paths name files,
 * directories (read recursively) or glob patterns ({@link FileAccess#listFiles}); names starting with '.' or '_' are
 * skipped. Files are cut into splits of a block each (or of {@link #splitSize}), so the blocks of one file are read in
 * parallel. Each subtask's splits and positions are its operator state: a restore, at any parallelism, reads every
 * unfinished split once from where it stood.
 *
 * <p>Bounded, the source reads the files there when the job starts: their splits are dealt round-robin to the
 * subtasks. With {@link #monitorContinuously} it never ends: every subtask lists the paths at each interval and reads
 * the new files whose path hashes to it, each file by one subtask; the files taken are in the checkpoint.
 */
public final class FileSource implements Source<String> {

    /** "text-file-splits": the state's name before this source read globs, so that its savepoints restore. */
    private static final ListStateDescriptor<FileSplit> SPLITS =
            new ListStateDescriptor<>("text-file-splits", Codecs.record(FileSplit.class));

    private final List<String> paths;
    /** 0: each file's block size. */
    private final long splitBytes;
    /** Null: bounded. */
    private final Duration monitorInterval;

    private FileSource(List<String> paths, long splitBytes, Duration monitorInterval) {
        this.paths = paths;
        this.splitBytes = splitBytes;
        this.monitorInterval = monitorInterval;
    }

    /** The lines of the files the paths name: files, directories or glob patterns, by path or URI. */
    public static FileSource lines(String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("a file source needs a path");
        }
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("a file source's path must not be empty");
            }
        }
        return new FileSource(List.of(paths), 0, null);
    }

    /** Splits of {@code bytes} instead of each file's block size (32 MiB where the file system has none). */
    public FileSource splitSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("split size must be positive: " + bytes);
        }
        return new FileSource(paths, bytes, monitorInterval);
    }

    /**
     * Never ends: lists the paths every {@code interval} and reads the files it has not read before. Files must
     * appear whole (written under a hidden name, then renamed): one is read as it is when first listed.
     */
    public FileSource monitorContinuously(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("monitoring interval must be positive: " + interval);
        }
        return new FileSource(paths, splitBytes, interval);
    }

    @Override
    public Codec<String> codec() {
        return Codecs.STRING;
    }

    @Override
    public boolean isBounded() {
        return monitorInterval == null;
    }

    /** A bounded source refuses a path that matches no file; a continuous one waits for files to come. */
    @Override
    public void check(PreflightContext context) throws ConnectorSettingsException {
        if (!isBounded()) {
            return;
        }
        try {
            FileEnumerator.files(context.files(), paths, true);
        } catch (IOException e) {
            // HDFS puts the server's stack trace under the first line of its messages
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new ConnectorSettingsException(message.lines().findFirst().orElse(e.toString()));
        }
    }

    @Override
    public SourceReader<String> createReader(SourceContext context) throws IOException {
        ListState<FileSplit> splits = context.operatorListState(SPLITS);
        if (!context.isRestored() && isBounded()) {
            splits.update(dealt(FileEnumerator.files(context.files(), paths, true), context));
        }
        NewFileDiscovery discovery = isBounded() ? null
                : new NewFileDiscovery(context, paths, splitBytes, monitorInterval);
        return new FileSourceReader(context.files(), splits, discovery);
    }

    /** This subtask's share when the splits of all files are dealt round-robin: consecutive blocks to different ones. */
    private List<FileSplit> dealt(List<FileAccess.FileInfo> files, SourceContext context) {
        List<FileSplit> mine = new ArrayList<>();
        int index = 0;
        for (FileAccess.FileInfo file : files) {
            for (FileSplit split : FileEnumerator.splits(file, splitBytes)) {
                if (index++ % context.parallelism() == context.subtaskIndex()) {
                    mine.add(split);
                }
            }
        }
        return mine;
    }
}
