package io.spindle.state.checkpoint;

/**
 * A file of a checkpoint, by its path relative to the job's checkpoint directory
 * ({@code shared/3f2a...-000042.sst}, {@code chk-7/MANIFEST-000005}), so metadata never holds an
 * absolute location.
 */
public record StateFile(String path, long size) {

    public StateFile {
        if (path.startsWith("/") || path.contains("://") || path.contains("..")) {
            throw new IllegalArgumentException("state file path must be relative to the job's checkpoint directory: "
                    + path);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " of " + path);
        }
    }
}
