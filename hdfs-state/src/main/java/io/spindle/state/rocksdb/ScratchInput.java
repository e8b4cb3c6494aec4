package io.spindle.state.rocksdb;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;

/** A {@link DataInput} over a slice of a byte array, re-pointed for every value read. */
final class ScratchInput {

    private static final byte[] EMPTY = new byte[0];

    private static final class Bytes extends ByteArrayInputStream {
        Bytes() {
            super(EMPTY);
        }

        void point(byte[] source, int offset, int length) {
            buf = source;
            pos = offset;
            mark = offset;
            count = offset + length;
        }
    }

    private final Bytes bytes = new Bytes();
    private final DataInputStream data = new DataInputStream(bytes);

    DataInput over(byte[] source, int offset, int length) {
        bytes.point(source, offset, length);
        return data;
    }

    /** Bytes of the current slice that the codec did not read. */
    int remaining() {
        return bytes.available();
    }

    /** Drops the reference to the last slice, so a large value is not kept alive. */
    void release() {
        bytes.point(EMPTY, 0, 0);
    }
}
