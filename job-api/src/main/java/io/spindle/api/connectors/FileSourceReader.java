package io.spindle.api.connectors;

import io.spindle.api.state.ListState;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads one subtask's splits one after another, each to its own output so that each has its own watermark; a split
 * holds the subtask's watermark back from when the reader has it until it is read. In continuous mode new files'
 * splits join the queue as they are found and the reader never ends.
 */
final class FileSourceReader implements SourceReader<String> {

    private static final int LINES_PER_POLL = 1024;

    private final FileAccess files;
    private final ListState<FileSplit> state;
    /** Null for a bounded source. */
    private final NewFileDiscovery discovery;
    /** The splits left to read; the first is being read once {@link #current} is open. */
    private final Deque<FileSplit> remaining;
    private SplitLineReader current;
    /** Whether the outputs of the splits restored or dealt at the start were asked for. */
    private boolean started;

    FileSourceReader(FileAccess files, ListState<FileSplit> state, NewFileDiscovery discovery) {
        this.files = files;
        this.state = state;
        this.discovery = discovery;
        this.remaining = new ArrayDeque<>(state.get());
    }

    @Override
    public Status poll(ReaderOutput<String> out) throws IOException {
        if (!started) {
            remaining.forEach(split -> out.forSplit(split.id()));
            started = true;
        }
        if (discovery != null) {
            for (FileSplit split : discovery.poll()) {
                remaining.add(split);
                out.forSplit(split.id());
            }
        }
        if (remaining.isEmpty()) {
            return discovery == null ? Status.END_OF_INPUT : Status.NOTHING_AVAILABLE;
        }
        FileSplit split = remaining.getFirst();
        if (current == null) {
            current = SplitLineReader.open(files, split);
        }
        SourceOutput<String> output = out.forSplit(split.id());
        for (int n = 0; n < LINES_PER_POLL; n++) {
            String line = current.next();
            if (line == null) {
                current.close();
                current = null;
                remaining.removeFirst();
                out.releaseSplit(split.id());
                return remaining.isEmpty() && discovery == null ? Status.END_OF_INPUT : Status.MORE_AVAILABLE;
            }
            output.collect(line);
        }
        return Status.MORE_AVAILABLE;
    }

    @Override
    public void snapshotState() {
        List<FileSplit> positions = new ArrayList<>(remaining);
        if (current != null) {
            positions.set(0, current.progress());
        }
        state.update(positions);
        if (discovery != null) {
            discovery.snapshotState();
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
