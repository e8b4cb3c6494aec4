package io.spindle.runtime.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A worker's server for the channels its producers write: consumers, remote or on this worker, connect here
 * and request channels by {@link ChannelId}. One per worker process, shared by all attempts.
 */
public final class DataServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataServer.class);

    private final EventLoopGroup group = NetThreads.group("server", 2);
    private final Channel listener;
    /** The producer endpoints by channel, whether their producer or their consumer came first. */
    private final Map<ChannelId, ProducerEndpoint> endpoints = new HashMap<>();
    /** Attempts whose channels are gone: a late request or registration for one fails at once. */
    private final Set<Integer> releasedAttempts = new HashSet<>();
    private boolean closed;

    /** Listens on the address; port 0 picks a free one, see {@link #address()}. */
    public DataServer(InetSocketAddress bindAddress) throws IOException {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                // A worker restarted on a fixed port must not wait for its old connections' TIME_WAIT.
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Protocol.addFraming(channel.pipeline());
                        channel.pipeline().addLast(new ProducerConnection(DataServer.this));
                    }
                })
                .bind(bindAddress)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            NetThreads.shutdown(group);
            throw new IOException("Cannot listen for data channels on " + bindAddress, bound.cause());
        }
        listener = bound.channel();
        LOG.info("Data server listening on {}", address());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** The producer's end of a channel; created by the first of its producer's registration and consumer's request. */
    synchronized ProducerEndpoint endpoint(ChannelId id) {
        if (closed || releasedAttempts.contains(id.attempt())) {
            ProducerEndpoint gone = new ProducerEndpoint(id);
            gone.fail(new IOException(closed ? "data server " + address() + " closed"
                    : "attempt " + id.attempt() + " was released"));
            return gone;
        }
        return endpoints.computeIfAbsent(id, ProducerEndpoint::new);
    }

    /** Fails and forgets every channel of the attempt, waking its blocked producers and telling its consumers. */
    public synchronized void releaseAttempt(int attempt) {
        releasedAttempts.add(attempt);
        failAndForget(id -> id.attempt() == attempt, new IOException("attempt " + attempt + " was released"));
    }

    /** Fails every channel, stops listening and shuts the event loops down, closing every connection. */
    @Override
    public void close() {
        InetSocketAddress address = address();
        synchronized (this) {
            closed = true;
            failAndForget(id -> true, new IOException("data server " + address + " closed"));
        }
        listener.close().awaitUninterruptibly();
        NetThreads.shutdown(group);
        LOG.info("Data server on {} closed", address);
    }

    private void failAndForget(Predicate<ChannelId> which, IOException reason) {
        for (Iterator<ProducerEndpoint> it = endpoints.values().iterator(); it.hasNext(); ) {
            ProducerEndpoint endpoint = it.next();
            if (which.test(endpoint.id())) {
                endpoint.fail(reason);
                it.remove();
            }
        }
    }
}
