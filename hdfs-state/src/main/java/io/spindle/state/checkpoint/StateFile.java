package io.spindle.state.checkpoint;

/**
 * A file of a checkpoint or savepoint, by its path relative to the directory the metadata's state files
 * are resolved against: the job's checkpoint directory for a checkpoint ({@code shared/3f2a...-000042.sst},
 * {@code chk-7/MANIFEST-000005}), the savepoint directory for a savepoint. So metadata never holds an absolute
 * location, and a savepoint directory restores wherever it is copied to.
 *
 * @param checksum CRC32C ({@link java.util.zip.CRC32C}) of the file's bytes, computed while writing it and
 *                 checked on every read of the whole file
 */
public record StateFile(String path, long size, int checksum) {

    public StateFile {
        if (path.startsWith("/") || path.contains("://") || path.contains("..")) {
            throw new IllegalArgumentException("state file path must be relative to the checkpoint or savepoint "
                    + "directory: " + path);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " of " + path);
        }
    }
}
