package io.spindle.api.connectors.files;

import java.io.IOException;
import java.io.OutputStream;

/**
 * How records become the bytes of a part file: a writer per part, over the part's stream. The file sink finishes
 * each part at every checkpoint (and when its rolling policy says so), so a format that buffers records (a
 * columnar one) writes a complete file each time.
 */
@FunctionalInterface
public interface BulkFormat<T> {

    BulkWriter<T> create(OutputStream out) throws IOException;
}
