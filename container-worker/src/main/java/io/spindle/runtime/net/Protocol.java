package io.spindle.runtime.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.spindle.runtime.io.Buffer;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The frames between a consumer's connection and a producer's {@link DataServer}:
 * {@code [int length][byte type][int stream][body]}. A stream is the consumer's number for one channel on its
 * connection, so that BUFFER and CREDIT frames need not repeat the channel's full id.
 */
final class Protocol {

    /** Consumer to producer, opens a stream: body = {@link ChannelId}, int initial credit. */
    static final byte REQUEST = 1;
    /** Consumer to producer: body = int buffers the consumer has made room for. */
    static final byte CREDIT = 2;
    /** Producer to consumer: body = the buffer's bytes. */
    static final byte BUFFER = 3;
    /** Producer to consumer, the stream has failed: body = the reason in UTF-8. */
    static final byte ERROR = 4;

    /** Far above any buffer the runtime makes; only guards against a corrupt length. */
    static final int MAX_BUFFER_BYTES = 1 << 27;

    private static final int LENGTH_BYTES = Integer.BYTES;
    private static final int HEADER_BYTES = 1 + Integer.BYTES;
    private static final LengthFieldPrepender PREPEND_LENGTH = new LengthFieldPrepender(LENGTH_BYTES);

    private Protocol() { }

    /** Splits the incoming bytes into frames (length stripped) and prefixes outgoing frames with their length. */
    static void addFraming(ChannelPipeline pipeline) {
        pipeline.addLast(new LengthFieldBasedFrameDecoder(LENGTH_BYTES + HEADER_BYTES + MAX_BUFFER_BYTES,
                0, LENGTH_BYTES, 0, LENGTH_BYTES));
        pipeline.addLast(PREPEND_LENGTH);
    }

    static ByteBuf request(int stream, ChannelId channel, int initialCredit) {
        ByteBuf frame = header(REQUEST, stream, ChannelId.BYTES + Integer.BYTES);
        channel.encode(frame);
        return frame.writeInt(initialCredit);
    }

    static ByteBuf credit(int stream, int buffers) {
        return header(CREDIT, stream, Integer.BYTES).writeInt(buffers);
    }

    static ByteBuf error(int stream, String reason) {
        byte[] text = reason.getBytes(UTF_8);
        return header(ERROR, stream, text.length).writeBytes(text);
    }

    /** Wraps the buffer's bytes behind the header instead of copying them. */
    static ByteBuf buffer(int stream, Buffer buffer) {
        return Unpooled.wrappedBuffer(header(BUFFER, stream, 0), Unpooled.wrappedBuffer(buffer.bytes(), 0, buffer.length()));
    }

    private static ByteBuf header(byte type, int stream, int bodyBytes) {
        return Unpooled.buffer(HEADER_BYTES + bodyBytes).writeByte(type).writeInt(stream);
    }
}
