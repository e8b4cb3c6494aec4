package io.spindle.examples.nexmark;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Longs as zigzag LEB128 varints: 7 bits a byte, low group first, the high bit set on all bytes but the last, the
 * sign moved to the lowest bit so small negative numbers stay short. Nexmark's ids, prices and counts take 1 to 3
 * bytes instead of 8, a timestamp 6.
 */
final class VarLongs {

    /** A long takes at most ten 7-bit groups. */
    private static final int MAX_SHIFT = 63;

    private VarLongs() { }

    static void write(DataOutput out, long value) throws IOException {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.writeByte((int) (zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        out.writeByte((int) zigzag);
    }

    static long read(DataInput in) throws IOException {
        long zigzag = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            zigzag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
            if (shift == MAX_SHIFT) {
                throw new IOException("varint longer than a long's ten bytes");
            }
        }
    }
}
