package io.spindle.api.connectors;

/** Writes one subtask's records. Called by one thread. */
public interface SinkWriter<T> extends AutoCloseable {

    void write(T value) throws Exception;

    /** All input has been written: make it durable and visible. */
    default void endOfInput() throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
