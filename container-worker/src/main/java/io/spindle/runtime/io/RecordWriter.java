package io.spindle.runtime.io;

import io.spindle.api.codec.Codec;
import io.spindle.core.io.ByteArrayDataOutput;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.metrics.TaskIoMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes the records of one output edge of one subtask into a buffer per consumer channel and
 * sends a buffer when it is full, on {@link #flush} if the consumer has room for it, or before an
 * event. Blocks in send when the consumer lags: that is the backpressure, timed with the bytes sent
 * in the task's metrics.
 */
public final class RecordWriter {

    private final List<OutboundChannel> channels;
    private final ChannelSelector selector;
    private final Codec<Object> codec;
    private final ElementTimestamp timestamp;
    private final TaskIoMetrics io;
    private final int bufferSize;
    private final byte[][] pending;
    private final int[] fill;
    private static final int VARINT_MAX_BYTES = 5;
    private static final int TIMESTAMP_BYTES = 8;

    private final ByteArrayDataOutput payload = new ByteArrayDataOutput(256);
    private long recordsOut;

    /**
     * @param timestamp the chain's timestamp, written with each record while it is set
     * @param io where the bytes sent and the time waiting for the channels count
     */
    public RecordWriter(List<OutboundChannel> channels, ChannelSelector selector, Codec<Object> codec,
                        ElementTimestamp timestamp, int bufferSize, TaskIoMetrics io) {
        this.channels = List.copyOf(channels);
        this.selector = selector;
        this.codec = codec;
        this.timestamp = timestamp;
        this.io = io;
        this.bufferSize = bufferSize;
        this.pending = new byte[channels.size()][];
        this.fill = new int[channels.size()];
    }

    public void emit(Object record) throws Exception {
        payload.reset();
        codec.encode(record, payload);
        int channel = selector.select(record);
        if (channel == ChannelSelector.ALL) {
            for (int i = 0; i < channels.size(); i++) {
                appendRecord(i);
            }
        } else {
            appendRecord(channel);
        }
        recordsOut++;
    }

    /** Frames the encoded record (tag, [timestamp], varint length, bytes) straight into the channel's buffer. */
    private void appendRecord(int channel) throws InterruptedException {
        int length = payload.length();
        reserve(channel, 1 + TIMESTAMP_BYTES + VARINT_MAX_BYTES + length);
        byte[] buffer = pending[channel];
        int at = fill[channel];
        if (timestamp.isSet()) {
            buffer[at++] = ElementType.TIMESTAMPED_RECORD;
            at = writeLong(buffer, at, timestamp.get());
        } else {
            buffer[at++] = ElementType.RECORD;
        }
        int value = length;
        while ((value & ~0x7f) != 0) {
            buffer[at++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        buffer[at++] = (byte) value;
        System.arraycopy(payload.bytes(), 0, buffer, at, length);
        fill[channel] = at + length;
    }

    private static int writeLong(byte[] buffer, int at, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[at++] = (byte) (value >>> shift);
        }
        return at;
    }

    /** Makes room for {@code length} more bytes in the channel's buffer, sending it first if it is too full. */
    private void reserve(int channel, int length) throws InterruptedException {
        if (pending[channel] != null && fill[channel] + length > pending[channel].length) {
            flush(channel);
        }
        if (pending[channel] == null) {
            pending[channel] = new byte[Math.max(bufferSize, length)];
        }
    }

    private void flush(int channel) throws InterruptedException {
        if (pending[channel] != null && fill[channel] > 0) {
            send(channels.get(channel), new Buffer(pending[channel], fill[channel]));
            pending[channel] = null;
            fill[channel] = 0;
        }
    }

    /**
     * Sends every partly filled buffer whose consumer has room for it now. One without room keeps filling until it is
     * full or a later flush finds room: sent now it would only wait for the consumer's credit, and a sparse stream
     * flushed record by record would block on the network's round trip and show it as backpressure.
     */
    public void flush() throws InterruptedException {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).hasRoom()) {
                flush(i);
            }
        }
    }

    private void flushAll() throws InterruptedException {
        for (int i = 0; i < channels.size(); i++) {
            flush(i);
        }
    }

    /** Flushes, then tells every consumer channel that this producer emits no more records. */
    public void endOfInput() throws InterruptedException {
        broadcastEvent(new byte[] {ElementType.END_OF_INPUT});
    }

    /**
     * Sends the watermark to every consumer channel, behind the records emitted so far. It waits in the buffers like a
     * record: a watermark needs no hurry, only its place in the stream.
     */
    public void broadcastWatermark(long watermark) throws InterruptedException {
        for (int channel = 0; channel < channels.size(); channel++) {
            reserve(channel, 1 + TIMESTAMP_BYTES);
            pending[channel][fill[channel]] = ElementType.WATERMARK;
            fill[channel] = writeLong(pending[channel], fill[channel] + 1, watermark);
        }
    }

    /** Tells every consumer channel that this producer went idle (or is active again), behind earlier elements. */
    public void broadcastWatermarkStatus(boolean idle) throws InterruptedException {
        for (int channel = 0; channel < channels.size(); channel++) {
            reserve(channel, 2);
            pending[channel][fill[channel]++] = ElementType.WATERMARK_STATUS;
            pending[channel][fill[channel]++] = (byte) (idle ? 1 : 0);
        }
    }

    /** Flushes, then sends the barrier of a checkpoint to every consumer channel, after all earlier records. */
    public void broadcastBarrier(CheckpointBarrier barrier) throws InterruptedException {
        ByteArrayDataOutput event = new ByteArrayDataOutput(64);
        event.writeByte(ElementType.BARRIER);
        try {
            barrier.writeTo(event);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        broadcastEvent(event.toByteArray());
    }

    /** Flushes, then closes every consumer channel: this producer ends. */
    public void endOfPartition() throws InterruptedException {
        broadcastEvent(new byte[] {ElementType.END_OF_PARTITION});
    }

    private void broadcastEvent(byte[] event) throws InterruptedException {
        flushAll();
        for (OutboundChannel channel : channels) {
            send(channel, new Buffer(event, event.length));
        }
    }

    private void send(OutboundChannel channel, Buffer buffer) throws InterruptedException {
        long start = io.waitStarts();
        channel.send(buffer);
        io.backPressuredSince(start);
        io.bytesOut(buffer.length());
    }

    /** The buffers sent and not yet taken by the consumers. Any thread. */
    public QueueDepth queue() {
        return QueueDepth.of(channels);
    }

    public long recordsOut() {
        return recordsOut;
    }
}
