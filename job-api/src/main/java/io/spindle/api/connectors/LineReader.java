package io.spindle.api.connectors;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads '\n'-terminated UTF-8 lines from a stream and knows the file offset of the next line, so a
 * reader can stop at a split boundary and resume at an exact byte. A trailing '\r' is dropped.
 */
final class LineReader implements Closeable {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int fill;
    private int next;
    private long position;
    private byte[] line = new byte[256];

    LineReader(InputStream in, long position) {
        this.in = in;
        this.position = position;
    }

    /** The file offset where the next line starts. */
    long position() {
        return position;
    }

    /** The next line, or null at the end of the stream. */
    String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (next == fill && !refill()) {
                if (!any) {
                    return null;
                }
                return decode(length);
            }
            any = true;
            int start = next;
            while (next < fill && buffer[next] != '\n') {
                next++;
            }
            int chunk = next - start;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            position += chunk;
            if (next < fill) {
                next++;
                position++;
                return decode(length);
            }
        }
    }

    /** Moves to the first byte after the next '\n' (the start of a split that is not the file's start). */
    void skipPastNextNewline() throws IOException {
        while (true) {
            if (next == fill && !refill()) {
                return;
            }
            byte b = buffer[next++];
            position++;
            if (b == '\n') {
                return;
            }
        }
    }

    private boolean refill() throws IOException {
        fill = in.read(buffer);
        next = 0;
        if (fill <= 0) {
            fill = 0;
            return false;
        }
        return true;
    }

    private String decode(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
