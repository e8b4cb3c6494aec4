package io.spindle.api.connectors.files;

import io.spindle.api.Tuple3;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.FileAccess;
import io.spindle.api.state.ListStateDescriptor;

import java.io.IOException;

/** Parts waiting for a checkpoint to complete, and how they are published. */
final class PendingParts {

    /**
     * (checkpoint id, staged path, published path): union list state, so that the restoring subtask 0 sees every
     * old subtask's entries whatever the parallelism. Full paths, so a restore into another directory still
     * publishes a part where the job that staged it meant it to go.
     */
    static final ListStateDescriptor<Tuple3<Long, String, String>> STATE =
            new ListStateDescriptor<>("file-sink-pending", Codecs.tuple3(Codecs.LONG, Codecs.STRING, Codecs.STRING));

    private PendingParts() { }

    /**
     * Renames a staged part to its published name. Idempotent: a part published before (by this writer, before a
     * restore, or by another restore of the same state at the same time) stays as it is. Strictly, a part that is
     * neither staged nor published is an error: it was lost.
     */
    static void publish(FileAccess files, Tuple3<Long, String, String> part, boolean strict) throws IOException {
        String staged = part.f1();
        String published = part.f2();
        if (files.exists(staged)) {
            try {
                files.rename(staged, published);
            } catch (IOException e) {
                if (files.exists(staged) || !files.exists(published)) {
                    throw e;
                }
            }
        } else if (strict && !files.exists(published)) {
            throw new IOException("cannot publish " + published + ": neither it nor its staged file " + staged
                    + " exists");
        }
    }
}
