package io.spindle.api.connectors;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of text files, cut into byte-range splits assigned round-robin to subtasks. As in Hadoop's
 * line reader, a split owns the lines that start inside it (after its first byte, except at the
 * file's start) or exactly at its end, so every line is read once whatever the split boundaries.
 * Each subtask's splits and positions are its operator state.
 */
final class TextFileSource implements Source<String> {

    static final long DEFAULT_SPLIT_BYTES = 32L << 20;
    private static final int LINES_PER_POLL = 1024;

    /** A byte range of a file and where reading stands: -1 before the first line was looked for. */
    record Split(String path, long start, long end, long position) { }

    private static final ListStateDescriptor<Split> SPLITS =
            new ListStateDescriptor<>("text-file-splits", Codecs.record(Split.class));

    private final String path;
    private final long splitBytes;

    TextFileSource(String path, long splitBytes) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("text file source needs a path");
        }
        if (splitBytes < 1) {
            throw new IllegalArgumentException("split size must be positive: " + splitBytes);
        }
        this.path = path;
        this.splitBytes = splitBytes;
    }

    @Override
    public Codec<String> codec() {
        return Codecs.STRING;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader<String> createReader(SourceContext context) throws IOException {
        ListState<Split> state = context.operatorListState(SPLITS);
        if (!context.isRestored()) {
            List<FileAccess.FileInfo> files = context.files().listFiles(path);
            if (files.isEmpty()) {
                throw new IOException("no input files under " + path);
            }
            List<Split> mine = new ArrayList<>();
            int index = 0;
            for (FileAccess.FileInfo file : files) {
                for (long start = 0; start < file.length(); start += splitBytes, index++) {
                    if (index % context.parallelism() == context.subtaskIndex()) {
                        mine.add(new Split(file.path(), start, Math.min(file.length(), start + splitBytes), -1));
                    }
                }
            }
            state.update(mine);
        }
        return new Reader(context.files(), state);
    }

    private static final class Reader implements SourceReader<String> {
        private final FileAccess files;
        private final ListState<Split> state;
        private final List<Split> remaining;
        private LineReader lines;
        private Split current;

        Reader(FileAccess files, ListState<Split> state) {
            this.files = files;
            this.state = state;
            this.remaining = new ArrayList<>(state.get());
        }

        @Override
        public Status poll(ReaderOutput<String> out) throws IOException {
            if (lines == null && !openNext()) {
                return Status.END_OF_INPUT;
            }
            for (int n = 0; n < LINES_PER_POLL; n++) {
                String line = lines.position() <= current.end() ? lines.next() : null;
                if (line == null) {
                    lines.close();
                    lines = null;
                    remaining.remove(0);
                    return remaining.isEmpty() ? Status.END_OF_INPUT : Status.MORE_AVAILABLE;
                }
                out.collect(line);
            }
            return Status.MORE_AVAILABLE;
        }

        private boolean openNext() throws IOException {
            if (remaining.isEmpty()) {
                return false;
            }
            current = remaining.get(0);
            if (current.position() >= 0) {
                lines = new LineReader(files.open(current.path(), current.position()), current.position());
            } else if (current.start() == 0) {
                lines = new LineReader(files.open(current.path(), 0), 0);
            } else {
                lines = new LineReader(files.open(current.path(), current.start()), current.start());
                lines.skipPastNextNewline();
            }
            return true;
        }

        @Override
        public void snapshotState() {
            List<Split> positions = new ArrayList<>(remaining);
            if (lines != null) {
                positions.set(0, new Split(current.path(), current.start(), current.end(), lines.position()));
            }
            state.update(positions);
        }

        @Override
        public void close() throws IOException {
            if (lines != null) {
                lines.close();
            }
        }
    }
}
