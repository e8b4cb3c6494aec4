package io.spindle.runtime.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.spindle.runtime.io.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A consumer worker's connection to one producer worker, carrying every channel of one attempt between them as
 * numbered streams. Connects in the background, retrying until the producer's worker listens or the connect
 * timeout passes; channels opened meanwhile are requested once it is up. Its state lives on one event loop.
 */
final class ConsumerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerConnection.class);
    private static final long FIRST_RETRY_MILLIS = 50;
    private static final long MAX_RETRY_MILLIS = 1_000;

    private final InetSocketAddress producerWorker;
    private final EventLoop loop;
    private final int initialCredit;
    private final long connectDeadlineNanos;
    private final Bootstrap bootstrap;
    private final AtomicInteger nextStream = new AtomicInteger();
    /** The channels on this connection by stream; touched only on the loop, like the fields below. */
    private final Map<Integer, ConsumerEndpoint> streams = new HashMap<>();
    private Channel channel;
    private IOException failure;
    private long retryMillis = FIRST_RETRY_MILLIS;

    ConsumerConnection(InetSocketAddress producerWorker, EventLoop loop, int initialCredit, Duration connectTimeout) {
        this.producerWorker = producerWorker;
        this.loop = loop;
        this.initialCredit = initialCredit;
        this.connectDeadlineNanos = System.nanoTime() + connectTimeout.toNanos();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Protocol.addFraming(channel.pipeline());
                        channel.pipeline().addLast(new Frames());
                    }
                });
        loop.execute(this::connect);
    }

    /** A new channel on this connection, requested from the producer as soon as the connection is up. */
    ConsumerEndpoint open(ChannelId id) {
        ConsumerEndpoint endpoint = new ConsumerEndpoint(id, nextStream.getAndIncrement(), this, initialCredit);
        loop.execute(() -> {
            if (failure != null) {
                endpoint.fail(failure);
                return;
            }
            streams.put(endpoint.stream(), endpoint);
            if (channel != null) {
                request(endpoint);
            }
        });
        return endpoint;
    }

    /** Sends the endpoint's credit from the loop, so that polls that come meanwhile share one CREDIT frame. */
    void announceCredit(ConsumerEndpoint endpoint) {
        try {
            loop.execute(() -> {
                int credit = endpoint.takeUnannouncedCredit();
                if (channel != null && failure == null) {
                    channel.writeAndFlush(Protocol.credit(endpoint.stream(), credit));
                }
            });
        } catch (RejectedExecutionException released) {
            // The attempt was released while its task took a last buffer: there is no producer left to tell.
        }
    }

    /** Fails every channel on the connection and closes it. */
    void close() {
        loop.execute(() -> fail(new IOException("connection to " + producerWorker + " released")));
    }

    private void connect() {
        // One attempt may take no longer than the whole timeout has left (a dropped SYN waits until then).
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(connectDeadlineNanos - System.nanoTime());
        int attemptMillis = (int) Math.min(Math.max(1, remainingMillis), Integer.MAX_VALUE);
        bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, attemptMillis);
        bootstrap.connect(producerWorker).addListener((ChannelFuture connected) -> {
            if (failure != null) {
                connected.channel().close();
            } else if (connected.isSuccess()) {
                channel = connected.channel();
                streams.values().forEach(this::request);
            } else if (System.nanoTime() < connectDeadlineNanos) {
                LOG.debug("Producer worker {} not reachable yet, retrying in {} ms: {}",
                        producerWorker, retryMillis, connected.cause().toString());
                loop.schedule(this::connect, retryMillis, TimeUnit.MILLISECONDS);
                retryMillis = Math.min(2 * retryMillis, MAX_RETRY_MILLIS);
            } else {
                LOG.info("Giving up connecting to producer worker {}: {}", producerWorker, connected.cause().toString());
                fail(new IOException("cannot connect to producer worker " + producerWorker, connected.cause()));
            }
        });
    }

    private void request(ConsumerEndpoint endpoint) {
        channel.writeAndFlush(Protocol.request(endpoint.stream(), endpoint.id(), initialCredit));
    }

    private void fail(IOException reason) {
        if (failure == null) {
            failure = reason;
        }
        streams.values().forEach(endpoint -> endpoint.fail(reason));
        streams.clear();
        if (channel != null) {
            channel.close();
        }
    }

    /** The frames from the producer worker. */
    private final class Frames extends ConnectionHandler {

        Frames() {
            super("producer worker");
        }

        @Override
        void read(ChannelHandlerContext ctx, byte type, int stream, ByteBuf body) throws IOException {
            switch (type) {
                case Protocol.BUFFER -> {
                    ConsumerEndpoint endpoint = streams.get(stream);
                    if (endpoint != null) {
                        // The one copy on this side: the task gets a byte[] of its own, and Netty's memory goes back.
                        byte[] bytes = new byte[body.readableBytes()];
                        body.readBytes(bytes);
                        endpoint.deliver(new Buffer(bytes, bytes.length));
                    }
                }
                case Protocol.ERROR -> {
                    ConsumerEndpoint endpoint = streams.remove(stream);
                    if (endpoint != null) {
                        endpoint.fail(new IOException("producer: " + body.toString(UTF_8)));
                    }
                }
                default -> throw new IOException("Unexpected frame type " + type + " from a producer worker");
            }
        }

        @Override
        void lost(IOException reason) {
            fail(reason);
        }
    }
}
