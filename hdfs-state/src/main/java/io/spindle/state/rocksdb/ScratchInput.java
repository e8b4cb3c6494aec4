package io.spindle.state.rocksdb;

import io.spindle.core.io.ByteArrayDataInput;

import java.io.DataInput;

/** A {@link DataInput} over a slice of a byte array, re-pointed for every value read. */
final class ScratchInput {

    private static final byte[] EMPTY = new byte[0];

    private final ByteArrayDataInput data = new ByteArrayDataInput();

    DataInput over(byte[] source, int offset, int length) {
        data.reset(source, offset, length);
        return data;
    }

    /** Bytes of the current slice that the codec did not read. */
    int remaining() {
        return data.remaining();
    }

    /** Drops the reference to the last slice, so a large value is not kept alive. */
    void release() {
        data.reset(EMPTY, 0, 0);
    }
}
