package io.spindle.api.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Lengths and counts as unsigned LEB128 varints: 7 bits per byte, least significant group first, the
 * high bit set on every byte but the last. 0..127 take one byte, up to {@link Integer#MAX_VALUE} five.
 * Part of the savepoint format.
 */
final class Varints {

    /** The largest length a Java array can have on common JVMs. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** Byte arrays larger than this are read in growing chunks, so a corrupt length fails with EOF, not OOM. */
    private static final int CHUNK = 1 << 20;

    private Varints() { }

    static void writeLength(DataOutput out, int value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("negative length: " + value);
        }
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    /** Reads a length written by {@link #writeLength}; {@code codecId} names the reader in error messages. */
    static int readLength(DataInput in, String codecId) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        int last = in.readUnsignedByte();
        if (last > 0x07) {
            throw new IOException(codecId + ": length prefix is negative or larger than "
                    + Integer.MAX_VALUE + " (fifth varint byte 0x" + Integer.toHexString(last) + ")");
        }
        return value | (last << 28);
    }

    /** Reads {@code length} raw bytes. */
    static byte[] readBytes(DataInput in, int length, String codecId) throws IOException {
        if (length > MAX_ARRAY_LENGTH) {
            throw new IOException(codecId + ": length " + length + " exceeds the largest array ("
                    + MAX_ARRAY_LENGTH + " bytes)");
        }
        if (length <= CHUNK) {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }
        byte[] bytes = new byte[CHUNK];
        int filled = 0;
        while (filled < length) {
            if (filled == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
            }
            int n = bytes.length - filled;
            in.readFully(bytes, filled, n);
            filled += n;
        }
        return bytes;
    }

    /** An initial capacity for a collection of {@code count} decoded elements that a corrupt count cannot blow up. */
    static int initialCapacity(int count) {
        return Math.min(count, 1024);
    }
}
