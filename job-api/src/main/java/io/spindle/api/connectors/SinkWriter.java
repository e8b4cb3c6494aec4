package io.spindle.api.connectors;

/** Writes one subtask's records. Called by one thread. */
public interface SinkWriter<T> extends AutoCloseable {

    void write(T value) throws Exception;

    /**
     * The barrier of checkpoint n passed this writer: what it wrote so far belongs to checkpoint n. An
     * exactly-once writer makes it durable but not yet visible, and notes in its operator state what
     * {@link #commit} will publish, so that a restore from checkpoint n can publish it too.
     */
    default void prepareCommit(long checkpointId) throws Exception {
    }

    /** Checkpoint n is complete: publish what was prepared for it and for earlier ones. */
    default void commit(long checkpointId) throws Exception {
    }

    /**
     * Called from time to time on the writer's thread, and at the latest around the time it returned last: for work
     * due after some time without records (closing a file that had no writes for a while).
     *
     * @return the processing time at which the writer next has something to do, Long.MAX_VALUE for nothing
     */
    default long onProcessingTime(long nowMillis) throws Exception {
        return Long.MAX_VALUE;
    }

    /** All input has been written: make it durable and visible. */
    default void endOfInput() throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
