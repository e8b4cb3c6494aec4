package io.spindle.api.connectors;

import java.io.Closeable;
import java.io.IOException;

/** Reads the lines one {@link FileSplit} owns, from where it stands. */
final class SplitLineReader implements Closeable {

    private final FileSplit split;
    private final LineReader lines;

    private SplitLineReader(FileSplit split, LineReader lines) {
        this.split = split;
        this.lines = lines;
    }

    static SplitLineReader open(FileAccess files, FileSplit split) throws IOException {
        long from = split.position() >= 0 ? split.position() : split.start();
        LineReader lines = new LineReader(files.open(split.path(), from), from);
        if (split.position() < 0 && split.start() > 0) {
            // the line under way at the first byte (or starting there) belongs to the split before
            lines.skipPastNextNewline();
        }
        return new SplitLineReader(split, lines);
    }

    /** The next line, or null once the split has no more. */
    String next() throws IOException {
        return lines.position() <= split.end() ? lines.next() : null;
    }

    /** The split as far as it was read. */
    FileSplit progress() {
        return split.at(lines.position());
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
