package io.spindle.state.checkpoint.storage;

import java.io.IOException;

/** A {@code _metadata} file (or its bytes) that is truncated, corrupted or not a Spindle checkpoint at all. */
public final class CorruptMetadataException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptMetadataException(String message) {
        super(message);
    }

    public CorruptMetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
