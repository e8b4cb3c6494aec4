package io.spindle.state.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Copying state files while computing what a {@link StateFile} records of them, and comparing that with
 * what the metadata says: one place for uploads, downloads, verification and copies of savepoints.
 */
public final class StateFiles {

    private static final int CHUNK_BYTES = 256 * 1024;

    private StateFiles() { }

    /**
     * Copies {@code in} to {@code out} in chunks, checking for interruption between them (a cancelled
     * transfer stops within one chunk), and describes the bytes copied as the state file {@code relativePath}.
     *
     * @param what the source and target, for the message of an interruption
     */
    public static StateFile copy(InputStream in, OutputStream out, String relativePath, String what)
            throws IOException {
        byte[] buffer = new byte[CHUNK_BYTES];
        CRC32C crc = new CRC32C();
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("copying " + what + " was interrupted");
            }
            out.write(buffer, 0, read);
            crc.update(buffer, 0, read);
            total += read;
        }
        return new StateFile(relativePath, total, (int) crc.getValue());
    }

    /** Reads {@code in} to its end and describes its bytes as the state file {@code relativePath}. */
    public static StateFile read(InputStream in, String relativePath, String what) throws IOException {
        return copy(in, OutputStream.nullOutputStream(), relativePath, what);
    }

    /**
     * What is wrong with the bytes {@code found} of the file at {@code location} that the metadata records as
     * {@code expected}: a size that differs first (truncated, or another file), then a checksum that differs
     * (corrupted); empty if they match.
     */
    public static Optional<String> mismatch(StateFile expected, StateFile found, String location) {
        if (found.size() != expected.size()) {
            return Optional.of(location + " has " + found.size() + " bytes where the metadata says "
                    + expected.size() + ": truncated or replaced");
        }
        if (found.checksum() != expected.checksum()) {
            return Optional.of(String.format("%s checksum mismatch: the metadata says %08x, the file has %08x: "
                    + "corrupted", location, expected.checksum(), found.checksum()));
        }
        return Optional.empty();
    }

    /** {@link #mismatch} as an exception. */
    public static void check(StateFile expected, StateFile found, String location) throws IOException {
        Optional<String> problem = mismatch(expected, found, location);
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
    }
}
