package io.spindle.protocol.control;

import io.spindle.protocol.metrics.MetricsReport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A control connection within one JVM: each end reads what the other sends from a queue, the messages themselves
 * (nothing is encoded). Closing either end closes both, as a socket does.
 */
public final class InMemoryControlConnection implements ControlConnection {

    /** What a closed connection hands its reader, to wake it. */
    private static final ControlMessage CLOSED = new ControlMessage.Heartbeat(MetricsReport.EMPTY);

    private final String remote;
    private final BlockingQueue<ControlMessage> inbound;
    private final BlockingQueue<ControlMessage> outbound;
    private final AtomicBoolean closed;

    private InMemoryControlConnection(String remote, BlockingQueue<ControlMessage> inbound,
                                      BlockingQueue<ControlMessage> outbound, AtomicBoolean closed) {
        this.remote = remote;
        this.inbound = inbound;
        this.outbound = outbound;
        this.closed = closed;
    }

    /** The two ends of a new connection. */
    public record Ends(InMemoryControlConnection master, InMemoryControlConnection worker) { }

    public static Ends open(String workerId) {
        BlockingQueue<ControlMessage> toMaster = new LinkedBlockingQueue<>();
        BlockingQueue<ControlMessage> toWorker = new LinkedBlockingQueue<>();
        AtomicBoolean closed = new AtomicBoolean();
        return new Ends(new InMemoryControlConnection(workerId, toMaster, toWorker, closed),
                new InMemoryControlConnection("the master", toWorker, toMaster, closed));
    }

    @Override
    public void send(ControlMessage message) throws IOException {
        if (closed.get()) {
            throw new EOFException("control connection to " + remote + " closed");
        }
        outbound.add(message);
    }

    @Override
    public ControlMessage receive() throws IOException {
        try {
            ControlMessage message = closed.get() && inbound.isEmpty() ? CLOSED : inbound.take();
            if (message == CLOSED) {
                inbound.add(CLOSED); // for any later receive
                throw new EOFException("control connection to " + remote + " closed");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted receiving from " + remote);
        }
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            inbound.add(CLOSED);
            outbound.add(CLOSED);
        }
    }
}
