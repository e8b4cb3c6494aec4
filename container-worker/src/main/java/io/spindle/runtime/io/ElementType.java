package io.spindle.runtime.io;

/**
 * The tag byte of each element in a buffer. Layout: RECORD = tag, varint length, encoded record;
 * TIMESTAMPED_RECORD = tag, 8-byte big-endian timestamp, varint length, encoded record;
 * END_OF_INPUT = tag: the producer emits no more records, though barriers may follow (its input ended);
 * BARRIER = tag, {@link io.spindle.protocol.checkpoint.CheckpointBarrier#writeTo} bytes; END_OF_PARTITION = tag:
 * the last element of a channel, sent when the producer ends; WATERMARK = tag, 8-byte big-endian watermark;
 * WATERMARK_STATUS = tag, 1 if the producer went idle, 0 if it is active again. An element never spans two buffers.
 */
public final class ElementType {

    private ElementType() { }

    public static final byte RECORD = 0;
    public static final byte END_OF_INPUT = 1;
    public static final byte BARRIER = 2;
    public static final byte END_OF_PARTITION = 3;
    public static final byte TIMESTAMPED_RECORD = 4;
    public static final byte WATERMARK = 5;
    public static final byte WATERMARK_STATUS = 6;
}
