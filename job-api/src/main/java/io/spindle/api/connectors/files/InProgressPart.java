package io.spindle.api.connectors.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A part being written: staged, invisible to readers, counting its bytes for the rolling policy. */
final class InProgressPart<T> {

    private static final int BUFFER_BYTES = 64 * 1024;

    final String staged;
    final String published;
    final long startedAt;
    private final Counting out;
    private final BulkWriter<T> writer;
    private long lastWriteAt;

    InProgressPart(Staging staging, BulkFormat<T> format, String bucket, String name, long now) throws IOException {
        this.staged = staging.staged(bucket, name);
        this.published = staging.published(bucket, name);
        this.startedAt = now;
        this.lastWriteAt = now;
        this.out = new Counting(new BufferedOutputStream(staging.create(staged), BUFFER_BYTES));
        this.writer = format.create(out);
    }

    void write(T record, long now) throws IOException {
        writer.write(record);
        lastWriteAt = now;
    }

    long bytes() {
        return out.bytes;
    }

    long lastWriteAt() {
        return lastWriteAt;
    }

    /** Completes the part: durable once this returns. */
    void finish() throws IOException {
        writer.finish();
        out.close();
    }

    /** Closes the part's stream, leaving an incomplete file for whoever cleans up the staging. */
    void abandon() throws IOException {
        out.close();
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        private long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
