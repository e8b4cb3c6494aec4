package io.spindle.state.rocksdb;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;

/** A growable byte buffer with a {@link DataOutput} view, reset and reused for every record. */
final class ScratchOutput {

    /** Exposes the buffer, so RocksDB reads it in place (offset and length) without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(256);
        }

        byte[] array() {
            return buf;
        }
    }

    /** A buffer that grew past this for one huge value is dropped on reset rather than kept forever. */
    private static final int RETAINED_CAPACITY = 1 << 20;

    private Bytes bytes = new Bytes();
    private DataOutputStream data = new DataOutputStream(bytes);

    ScratchOutput reset() {
        if (bytes.array().length > RETAINED_CAPACITY) {
            bytes = new Bytes();
            data = new DataOutputStream(bytes);
        } else {
            bytes.reset();
        }
        return this;
    }

    DataOutput data() {
        return data;
    }

    void write(byte[] source, int offset, int length) {
        bytes.write(source, offset, length);
    }

    void writeVarInt(int value) {
        while ((value & ~0x7f) != 0) {
            bytes.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        bytes.write(value);
    }

    /** The buffer; valid bytes are [0, size()). */
    byte[] array() {
        return bytes.array();
    }

    int size() {
        return bytes.size();
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
