package io.spindle.runtime.net;

import io.spindle.core.graph.Partitioning;
import io.spindle.core.graph.StreamEdge;
import io.spindle.core.plan.VertexEdge;
import io.spindle.runtime.io.Buffer;
import io.spindle.runtime.io.InboundChannel;
import io.spindle.runtime.io.OutboundChannel;
import io.spindle.runtime.io.Producer;
import io.spindle.runtime.io.TestThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static io.spindle.runtime.io.Producer.number;
import static io.spindle.runtime.io.Producer.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Channels over real TCP on loopback, between "workers" that are each a data server and a provider. */
class NettyChannelsTest {

    private static final VertexEdge EDGE = new VertexEdge(1, 2, StreamEdge.unkeyed(10, 20, Partitioning.REBALANCE), 0);
    private static final long TIMEOUT_SECONDS = TestThreads.TIMEOUT_SECONDS;
    private static final int CREDIT = NettyChannels.DEFAULT_INITIAL_CREDIT;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    @AfterEach
    void closeAll() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    @Test
    void buffersArriveInOrderAndIntactThroughTcp() throws Exception {
        DataServer producers = server(0);
        Inbox inbox = new Inbox(consumerOf(producers, 1).inbound(EDGE, 0, 0));
        OutboundChannel out = provider(producers, 1, producers).outbound(EDGE, 0, 0);
        int count = 10_000;
        Random sizes = new Random(42);
        int[] lengths = new int[count];
        Arrays.setAll(lengths, i -> i == count / 2 ? 16 << 20 : sizes.nextInt(4 << 10));

        Producer producer = producer(out, count, i -> patterned(i, lengths[i]));
        for (int i = 0; i < count; i++) {
            Buffer buffer = inbox.take();
            assertThat(buffer.length()).as("length of buffer %d", i).isEqualTo(lengths[i]);
            assertThat(firstMismatch(buffer, i)).as("first wrong byte of buffer %d", i).isEqualTo(-1);
        }
        producer.awaitDone();
    }

    @Test
    void aProducerBlocksWhileItsConsumerHasNoRoomAndResumesWhenItPolls() throws Exception {
        DataServer producers = server(0);
        Inbox inbox = new Inbox(consumerOf(producers, 1).inbound(EDGE, 0, 0));
        Producer producer = producer(provider(producers, 1, producers).outbound(EDGE, 0, 0), CREDIT + 1);

        producer.awaitParkedAfter(CREDIT);
        assertThat(number(inbox.take())).isZero();

        producer.awaitDone();
        for (int i = 1; i <= CREDIT; i++) {
            assertThat(number(inbox.take())).isEqualTo(i);
        }
    }

    @Test
    void buffersTheConsumerHasNotTakenAreQueuedOnBothEndsUpToTheCredit() throws Exception {
        DataServer producers = server(0);
        Inbox inbox = new Inbox(consumerOf(producers, 1).inbound(EDGE, 0, 0));
        OutboundChannel out = provider(producers, 1, producers).outbound(EDGE, 0, 0);

        producer(out, 2).awaitDone();
        inbox.awaitArrivals(2);

        assertThat(out.queued()).isEqualTo(2);
        assertThat(out.capacity()).isEqualTo(CREDIT);
        assertThat(inbox.channel.queued()).isEqualTo(2);
        assertThat(inbox.channel.capacity()).isEqualTo(CREDIT);
    }

    @Test
    void aChannelHasRoomOnlyWhileItsConsumerHasCreditLeft() throws Exception {
        DataServer producers = server(0);
        OutboundChannel out = provider(producers, 1, producers).outbound(EDGE, 0, 0);
        assertThat(out.hasRoom()).as("before the consumer connects").isFalse();

        Inbox inbox = new Inbox(consumerOf(producers, 1).inbound(EDGE, 0, 0));
        producer(out, CREDIT).awaitDone();
        assertThat(out.hasRoom()).as("with every credit spent").isFalse();

        inbox.take();
        awaitRoom(out);
    }

    private static void awaitRoom(OutboundChannel out) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!out.hasRoom()) {
            assertThat(System.nanoTime()).as("room within 10 s of the consumer taking a buffer").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aConsumerThatStopsPollingOneChannelDoesNotBlockAnotherBetweenTheSameWorkers() throws Exception {
        DataServer producers = server(0);
        NettyChannels consumer = consumerOf(producers, 1);
        NettyChannels producer = provider(producers, 1, producers);
        Inbox stalled = new Inbox(consumer.inbound(EDGE, 0, 0));
        Inbox flowing = new Inbox(consumer.inbound(EDGE, 1, 0));

        Producer blocked = producer(producer.outbound(EDGE, 0, 0), CREDIT + 1);
        blocked.awaitParkedAfter(CREDIT);
        int count = 100 * CREDIT;
        Producer free = producer(producer.outbound(EDGE, 1, 0), count);
        for (int i = 0; i < count; i++) {
            assertThat(number(flowing.take())).isEqualTo(i);
        }
        free.awaitDone();

        assertThat(blocked.sent.get()).isEqualTo(CREDIT);
        stalled.take();
        blocked.awaitDone();
    }

    @Test
    void theConsumerMayRequestAChannelBeforeItsProducerRegistersIt() throws Exception {
        DataServer producers = server(0);
        NettyChannels consumer = consumerOf(producers, 1);
        NettyChannels producer = provider(producers, 1, producers);
        Inbox early = new Inbox(consumer.inbound(EDGE, 0, 0));
        Inbox other = new Inbox(consumer.inbound(EDGE, 1, 0));

        // Both requests share one connection in order, so once the second channel carries a buffer the
        // server has seen the request of the first, whose producer has not registered yet.
        producer.outbound(EDGE, 1, 0).send(numbered(7));
        assertThat(number(other.take())).isEqualTo(7);
        producer.outbound(EDGE, 0, 0).send(numbered(8));

        assertThat(number(early.take())).isEqualTo(8);
    }

    @Test
    void theProducerMayRegisterAndSendBeforeItsConsumerConnects() throws Exception {
        DataServer producers = server(0);
        Producer producer = producer(provider(producers, 1, producers).outbound(EDGE, 0, 0), 3);
        producer.awaitParkedAfter(0);

        Inbox inbox = new Inbox(consumerOf(producers, 1).inbound(EDGE, 0, 0));

        for (int i = 0; i < 3; i++) {
            assertThat(number(inbox.take())).isEqualTo(i);
        }
        producer.awaitDone();
    }

    @Test
    void theConsumerRetriesUntilTheProducersWorkerListens() throws Exception {
        int latePort = freePort();
        DataServer early = server(0);
        NettyChannels consumer = track(new NettyChannels(server(0), 1,
                (vertex, subtask) -> subtask == 0 ? loopback(latePort) : early.address()));
        Inbox fromLate = new Inbox(consumer.inbound(EDGE, 0, 0));
        Inbox fromEarly = new Inbox(consumer.inbound(EDGE, 1, 0));
        // The consumer's connections share one event loop, which tried the late worker first: once a buffer came
        // from the early worker, that first attempt has been refused.
        provider(early, 1, early).outbound(EDGE, 1, 0).send(numbered(1));
        assertThat(number(fromEarly.take())).isEqualTo(1);

        DataServer late = server(latePort);
        provider(late, 1, late).outbound(EDGE, 0, 0).send(numbered(2));

        assertThat(number(fromLate.take())).isEqualTo(2);
    }

    @Test
    void theConsumerFailsWhenTheProducersWorkerNeverListens() throws Exception {
        DataServer consumerWorker = server(0);
        NettyChannels consumer = track(new NettyChannels(consumerWorker, 1, (vertex, subtask) -> loopback(freePort()),
                CREDIT, Duration.ofMillis(200)));
        Inbox inbox = new Inbox(consumer.inbound(EDGE, 0, 0));

        assertThatThrownBy(inbox::take).isInstanceOf(ChannelFailedException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void aBrokenConnectionFailsTheBlockedProducerAndThenTheConsumersPoll() throws Exception {
        DataServer producers = server(0);
        TcpProxy network = track(new TcpProxy(producers.address()));
        Inbox inbox = new Inbox(provider(server(0), 1, network.address()).inbound(EDGE, 0, 0));
        Producer producer = producer(provider(producers, 1, producers).outbound(EDGE, 0, 0), CREDIT + 1);
        producer.awaitParkedAfter(CREDIT);
        inbox.awaitArrivals(CREDIT);

        network.breakConnections();

        assertThat(producer.done).failsWithin(TIMEOUT_SECONDS, TimeUnit.SECONDS).withThrowableThat()
                .havingCause().isInstanceOf(ChannelFailedException.class);
        for (int i = 0; i < CREDIT; i++) {
            assertThat(number(inbox.take())).isEqualTo(i);
        }
        assertThatThrownBy(inbox::take).isInstanceOf(ChannelFailedException.class);
    }

    @Test
    void closingTheDataServerReleasesItsPort() throws Exception {
        DataServer first = server(0);
        int port = first.port();
        Inbox inbox = new Inbox(provider(server(0), 1, first.address()).inbound(EDGE, 0, 0));
        provider(first, 1, first).outbound(EDGE, 0, 0).send(numbered(1));
        inbox.take();

        first.close();

        assertThat(server(port).port()).isEqualTo(port);
    }

    @Test
    void channelsOfDifferentAttemptsAreKeptApart() throws Exception {
        DataServer producers = server(0);
        DataServer consumers = server(0);
        Inbox oldAttempt = new Inbox(provider(consumers, 1, producers).inbound(EDGE, 0, 0));
        Inbox newAttempt = new Inbox(provider(consumers, 2, producers).inbound(EDGE, 0, 0));

        provider(producers, 2, producers).outbound(EDGE, 0, 0).send(numbered(2));
        provider(producers, 1, producers).outbound(EDGE, 0, 0).send(numbered(1));

        assertThat(number(newAttempt.take())).isEqualTo(2);
        assertThat(number(oldAttempt.take())).isEqualTo(1);
        assertThat(newAttempt.channel.poll()).isNull();
    }

    @Test
    void releasingAnAttemptFailsItsChannelsButNotThoseOfTheNextAttempt() throws Exception {
        DataServer producers = server(0);
        DataServer consumers = server(0);
        Inbox oldInbox = new Inbox(provider(consumers, 1, producers).inbound(EDGE, 0, 0));
        Inbox newInbox = new Inbox(provider(consumers, 2, producers).inbound(EDGE, 0, 0));
        NettyChannels oldProducers = new NettyChannels(producers, 1, (vertex, subtask) -> producers.address());
        Producer oldProducer = producer(oldProducers.outbound(EDGE, 0, 0), CREDIT + 1);
        oldProducer.awaitParkedAfter(CREDIT);

        oldProducers.close();

        assertThat(oldProducer.done).failsWithin(TIMEOUT_SECONDS, TimeUnit.SECONDS).withThrowableThat()
                .havingCause().isInstanceOf(ChannelFailedException.class);
        for (int i = 0; i < CREDIT; i++) {
            oldInbox.take();
        }
        assertThatThrownBy(oldInbox::take).isInstanceOf(ChannelFailedException.class).hasMessageContaining("released");
        provider(producers, 2, producers).outbound(EDGE, 0, 0).send(numbered(2));
        assertThat(number(newInbox.take())).isEqualTo(2);
    }

    // --- workers

    private DataServer server(int port) throws IOException {
        return track(new DataServer(loopback(port)));
    }

    /** The provider of a worker whose consumers find every producer at the given data server. */
    private NettyChannels provider(DataServer local, int attempt, DataServer producers) {
        return provider(local, attempt, producers.address());
    }

    private NettyChannels provider(DataServer local, int attempt, InetSocketAddress producers) {
        return track(new NettyChannels(local, attempt, (vertex, subtask) -> producers));
    }

    /** A consumer on a worker of its own. */
    private NettyChannels consumerOf(DataServer producers, int attempt) throws IOException {
        return provider(server(0), attempt, producers);
    }

    /** A producer whose thread is interrupted when the test ends. */
    private Producer producer(OutboundChannel channel, int count) {
        return track(new Producer(channel, count));
    }

    private Producer producer(OutboundChannel channel, int count, IntFunction<Buffer> buffers) {
        return track(new Producer(channel, count, buffers));
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- buffers

    private static Buffer patterned(int index, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = pattern(index, i);
        }
        return new Buffer(bytes, length);
    }

    /** The first byte of the buffer that is not its pattern, or -1. */
    private static int firstMismatch(Buffer buffer, int index) {
        for (int i = 0; i < buffer.length(); i++) {
            if (buffer.bytes()[i] != pattern(index, i)) {
                return i;
            }
        }
        return -1;
    }

    private static byte pattern(int index, int position) {
        return (byte) (index * 31 + position);
    }

    /** Takes buffers as a task does, waking on the channel's availability listener rather than polling in a loop. */
    private static final class Inbox {

        final InboundChannel channel;
        private final Semaphore arrivals = new Semaphore(0);

        Inbox(InboundChannel channel) {
            this.channel = channel;
            channel.setAvailabilityListener(arrivals::release);
        }

        Buffer take() throws InterruptedException {
            while (true) {
                Buffer buffer = channel.poll();
                if (buffer != null) {
                    return buffer;
                }
                if (!arrivals.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("No buffer within " + TIMEOUT_SECONDS + " s");
                }
            }
        }

        /** Waits until this many buffers (or failures) arrived, without taking any, so that no credit goes back. */
        void awaitArrivals(int count) throws InterruptedException {
            assertThat(arrivals.tryAcquire(count, TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%d arrivals", count).isTrue();
        }
    }
}
