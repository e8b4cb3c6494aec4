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

    /**
     * {@link #snapshotState()} for checkpoint n, which the runtime calls: a reader that acts when the checkpoint
     * completes ({@link #checkpointComplete}) overrides it to remember what it stored for which checkpoint.
     */
    default void snapshotState(long checkpointId) throws Exception {
        snapshotState();
    }

    /**
     * Checkpoint n is complete: the position {@link #snapshotState} stored for it is durable, so a reader may tell
     * the system it reads from (such as Kafka's committed offsets, for monitoring). Called between two polls.
     */
    default void checkpointComplete(long checkpointId) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
