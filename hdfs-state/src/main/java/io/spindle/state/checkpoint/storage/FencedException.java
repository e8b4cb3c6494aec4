package io.spindle.state.checkpoint.storage;

import java.io.IOException;

/**
 * A newer master attempt has claimed the job's checkpoint directory: this one must publish, subsume and delete
 * nothing more there (see {@link CheckpointStorage#claim}).
 */
public final class FencedException extends IOException {

    FencedException(String message) {
        super(message);
    }
}
