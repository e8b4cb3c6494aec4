package io.spindle.runtime.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The end of one connection, either side: reads the frames' type and stream, logs the connection's start and
 * end, and reports its end with the reason so that every channel on it can fail.
 */
abstract class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final String peer;
    /** The first error seen; it, rather than the close it causes, is what the channels report. */
    private IOException error;

    /** @param peer what the other end is, for the log */
    ConnectionHandler(String peer) {
        this.peer = peer;
    }

    /** Handles one frame; the body's bytes are released after it returns. */
    abstract void read(ChannelHandlerContext ctx, byte type, int stream, ByteBuf body) throws IOException;

    /** The connection is gone; called once, on the event loop. */
    abstract void lost(IOException reason);

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LOG.info("Connection to {} {} established", peer, ctx.channel().remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws IOException {
        ByteBuf frame = (ByteBuf) msg;
        try {
            read(ctx, frame.readByte(), frame.readInt(), frame);
        } finally {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (error == null) {
            error = cause instanceof IOException io ? io : new IOException(cause);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        IOException reason = error != null ? error
                : new IOException("connection to " + peer + " " + ctx.channel().remoteAddress() + " closed");
        LOG.info("Connection to {} {} lost: {}", peer, ctx.channel().remoteAddress(), reason.getMessage());
        lost(reason);
    }
}
