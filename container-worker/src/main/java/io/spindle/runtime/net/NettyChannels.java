package io.spindle.runtime.net;

import io.netty.channel.EventLoopGroup;
import io.spindle.core.plan.VertexEdge;
import io.spindle.runtime.io.InboundChannel;
import io.spindle.runtime.io.OutboundChannel;
import io.spindle.runtime.tasks.ChannelProvider;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TCP channels for the tasks of one attempt on one worker. Producers register their channels in the worker's
 * {@link DataServer}; consumers connect to the producer's worker, even when that is this worker (one code path).
 *
 * <p>All channels of this attempt from one producer worker share one connection, so a job needs a connection per
 * pair of workers rather than per pair of subtasks. Sharing is safe because of per-channel credit: a producer
 * writes only what its consumer has room for, so the consumer always drains the socket and one channel it stops
 * reading never stalls the others through TCP. A connection per attempt keeps a failed attempt's broken or stale
 * connections away from the next attempt's channels.
 */
public final class NettyChannels implements ChannelProvider, AutoCloseable {

    /** Buffers a consumer has room for per channel, as the in-memory channels do. */
    public static final int DEFAULT_INITIAL_CREDIT = 4;
    /** How long a consumer waits for its producer's worker to listen: workers start in any order. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final DataServer server;
    private final int attempt;
    private final ProducerLocator locator;
    private final int initialCredit;
    private final Duration connectTimeout;
    private final EventLoopGroup group = NetThreads.group("client", 1);
    private final Map<InetSocketAddress, ConsumerConnection> connections = new ConcurrentHashMap<>();

    public NettyChannels(DataServer server, int attempt, ProducerLocator locator) {
        this(server, attempt, locator, DEFAULT_INITIAL_CREDIT, DEFAULT_CONNECT_TIMEOUT);
    }

    public NettyChannels(DataServer server, int attempt, ProducerLocator locator, int initialCredit,
                         Duration connectTimeout) {
        if (initialCredit < 1) {
            throw new IllegalArgumentException("A channel needs an initial credit of at least 1, got " + initialCredit);
        }
        this.server = server;
        this.attempt = attempt;
        this.locator = locator;
        this.initialCredit = initialCredit;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public OutboundChannel outbound(VertexEdge edge, int producerSubtask, int consumerSubtask) {
        return server.endpoint(ChannelId.of(attempt, edge, producerSubtask, consumerSubtask));
    }

    @Override
    public InboundChannel inbound(VertexEdge edge, int producerSubtask, int consumerSubtask) {
        InetSocketAddress producerWorker = locator.locate(edge.sourceVertex(), producerSubtask);
        return connections
                .computeIfAbsent(producerWorker,
                        worker -> new ConsumerConnection(worker, group.next(), initialCredit, connectTimeout))
                .open(ChannelId.of(attempt, edge, producerSubtask, consumerSubtask));
    }

    /**
     * Releases the attempt: its consumers' connections close and its producers' channels in the data server fail,
     * so that every task of the attempt still sending or polling fails rather than hangs.
     */
    @Override
    public void close() {
        connections.values().forEach(ConsumerConnection::close);
        NetThreads.shutdown(group);
        server.releaseAttempt(attempt);
    }
}
