package io.spindle.runtime.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The server's end of one consumer's connection: binds its requests to endpoints and passes its credit on. */
final class ProducerConnection extends ConnectionHandler {

    private final DataServer server;
    /** The endpoints this connection holds, by the consumer's stream numbers; used only on the event loop. */
    private final Map<Integer, ProducerEndpoint> streams = new HashMap<>();

    ProducerConnection(DataServer server) {
        super("consumer");
        this.server = server;
    }

    @Override
    void read(ChannelHandlerContext ctx, byte type, int stream, ByteBuf body) throws IOException {
        switch (type) {
            case Protocol.REQUEST -> {
                ChannelId id = ChannelId.decode(body);
                ProducerEndpoint endpoint = server.endpoint(id);
                if (endpoint.attach(ctx.channel(), stream, body.readInt())) {
                    streams.put(stream, endpoint);
                }
            }
            case Protocol.CREDIT -> {
                ProducerEndpoint endpoint = streams.get(stream);
                if (endpoint != null) {
                    endpoint.addCredit(body.readInt());
                }
            }
            default -> throw new IOException("Unexpected frame type " + type + " from a consumer");
        }
    }

    @Override
    void lost(IOException reason) {
        streams.values().forEach(endpoint -> endpoint.fail(reason));
        streams.clear();
    }
}
