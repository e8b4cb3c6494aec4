package io.spindle.api.connectors;

/**
 * Reads one subtask's share of a source. Called by one thread; between two calls of {@link #poll}
 * the reader's position must be exactly what {@link #snapshotState} stores.
 */
public interface SourceReader<T> extends AutoCloseable {

    enum Status { MORE_AVAILABLE, NOTHING_AVAILABLE, END_OF_INPUT }

    /** Emits a small batch of records (or none) and says whether more may follow. */
    Status poll(ReaderOutput<T> out) throws Exception;

    /** Writes the current position into the reader's operator state. */
    void snapshotState() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
