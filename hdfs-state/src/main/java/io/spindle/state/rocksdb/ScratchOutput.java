package io.spindle.state.rocksdb;

import io.spindle.core.io.ByteArrayDataOutput;

import java.io.DataOutput;

/** A growable byte buffer with a {@link DataOutput} view, reset and reused for every record. */
final class ScratchOutput {

    /** A buffer that grew past this for one huge value is dropped on reset rather than kept forever. */
    private static final int RETAINED_CAPACITY = 1 << 20;

    private ByteArrayDataOutput bytes = new ByteArrayDataOutput(256);

    ScratchOutput reset() {
        if (bytes.bytes().length > RETAINED_CAPACITY) {
            bytes = new ByteArrayDataOutput(256);
        } else {
            bytes.reset();
        }
        return this;
    }

    DataOutput data() {
        return bytes;
    }

    void write(byte[] source, int offset, int length) {
        bytes.write(source, offset, length);
    }

    void writeVarInt(int value) {
        bytes.writeVarInt(value);
    }

    void writeLong(long value) {
        bytes.writeLong(value);
    }

    /** The buffer; valid bytes are [0, size()). */
    byte[] array() {
        return bytes.bytes();
    }

    int size() {
        return bytes.length();
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
