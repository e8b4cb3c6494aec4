package io.spindle.runtime.io;

import io.spindle.api.codec.Codec;
import io.spindle.api.eventtime.Watermarks;
import io.spindle.core.io.ByteArrayDataInput;
import io.spindle.protocol.checkpoint.CheckpointBarrier;

import java.io.IOException;

/** Decodes the elements of buffers from one channel, with the codec of that channel's producer. */
public final class RecordReader {

    /** What the consumer does with each element. */
    public interface ElementHandler {
        /** @param timestamp the record's event time, {@link io.spindle.api.eventtime.Watermarks#NO_TIMESTAMP} if none */
        void record(Object record, long timestamp) throws Exception;

        void watermark(long watermark) throws Exception;

        /** The producer went idle (true) or is active again (false). */
        void watermarkStatus(boolean idle) throws Exception;

        /** The producer emits no more records; barriers may still come. */
        void endOfInput() throws Exception;

        void barrier(CheckpointBarrier barrier) throws Exception;

        /** The producer ended: nothing more comes on this channel. */
        void endOfPartition() throws Exception;
    }

    private final Codec<?> codec;
    private final ByteArrayDataInput buffer = new ByteArrayDataInput();
    private final ByteArrayDataInput recordBytes = new ByteArrayDataInput();

    public RecordReader(Codec<?> codec) {
        this.codec = codec;
    }

    public void read(Buffer delivered, ElementHandler handler) throws Exception {
        buffer.reset(delivered.bytes(), 0, delivered.length());
        while (buffer.hasRemaining()) {
            byte type = buffer.readByte();
            switch (type) {
                case ElementType.RECORD -> handler.record(readRecord(delivered), Watermarks.NO_TIMESTAMP);
                case ElementType.TIMESTAMPED_RECORD -> {
                    long timestamp = buffer.readLong();
                    handler.record(readRecord(delivered), timestamp);
                }
                case ElementType.WATERMARK -> handler.watermark(buffer.readLong());
                case ElementType.WATERMARK_STATUS -> handler.watermarkStatus(buffer.readByte() != 0);
                case ElementType.END_OF_INPUT -> handler.endOfInput();
                case ElementType.BARRIER -> handler.barrier(CheckpointBarrier.readFrom(buffer));
                case ElementType.END_OF_PARTITION -> handler.endOfPartition();
                default -> throw new IOException("corrupt buffer: unknown element type " + type);
            }
        }
    }

    private Object readRecord(Buffer delivered) throws IOException {
        int length = buffer.readVarInt();
        int start = buffer.position();
        recordBytes.reset(delivered.bytes(), start, length);
        Object record = codec.decode(recordBytes);
        if (recordBytes.hasRemaining()) {
            throw new IOException("codec " + codec.id() + " left " + (start + length - recordBytes.position())
                    + " bytes of a record unread: it does not match the producer's codec");
        }
        buffer.position(start + length);
        return record;
    }
}
