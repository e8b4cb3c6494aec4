package io.spindle.api.connectors.files;

import java.io.IOException;

/** Writes the records of one part file into the stream its {@link BulkFormat} was given. */
public interface BulkWriter<T> {

    void write(T record) throws IOException;

    /**
     * The part ends: write what completes it (a footer) and flush. The file sink closes the stream afterwards; a
     * writer that closes it itself does no harm.
     */
    void finish() throws IOException;
}
