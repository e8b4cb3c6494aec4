package io.spindle.runtime.io;

/**
 * The tag byte of each element in a buffer. Layout: RECORD = tag, varint length, encoded record;
 * END_OF_INPUT = tag; BARRIER = tag, {@link io.spindle.runtime.checkpoint.CheckpointBarrier#writeTo} bytes;
 * STOPPED = tag, savepoint's checkpoint id (8 bytes): the producer ended without end of input after that
 * savepoint (stop with savepoint). An element never spans two buffers.
 */
public final class ElementType {

    private ElementType() { }

    public static final byte RECORD = 0;
    public static final byte END_OF_INPUT = 1;
    public static final byte BARRIER = 2;
    public static final byte STOPPED = 3;
}
