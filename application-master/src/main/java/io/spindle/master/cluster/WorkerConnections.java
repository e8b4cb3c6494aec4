package io.spindle.master.cluster;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.protocol.control.ControlConnection;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.ControlMessage.Heartbeat;
import io.spindle.protocol.control.ControlMessage.Hello;
import io.spindle.protocol.metrics.MetricsReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The master's end of its workers' control connections, however they came (TCP through a {@link ControlServer}, or
 * in memory from workers in this JVM): admits a worker that presents the token, reads each one's messages on the
 * thread that serves it, and notices workers that went silent for longer than the heartbeat timeout (a hung or
 * cut-off process, whose connection may never close) by closing their connection.
 */
public final class WorkerConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerConnections.class);

    /** What the connections report; called from the threads that serve them. */
    public interface Listener {

        void workerConnected(RegisteredWorker worker);

        void messageReceived(String workerId, ControlMessage message);

        /** A heartbeat brought the worker's metrics. */
        void metricsReported(String workerId, MetricsReport report);

        /** The connection is gone: the worker exited, was killed, or missed its heartbeats. */
        void workerDisconnected(String workerId, String reason);
    }

    /** A worker that said hello with the right token. */
    public record RegisteredWorker(String id, String dataHost, int dataPort, ControlConnection connection) { }

    private final byte[] token;
    private final Listener listener;
    private final long heartbeatTimeoutMillis;
    private final LongSupplier clock;
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
    private final Map<String, ControlConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("heartbeat-watchdog"));
    private volatile boolean closed;

    public WorkerConnections(String token, Listener listener, long heartbeatTimeoutMillis, LongSupplier clock) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.listener = listener;
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        this.clock = clock;
        long check = Math.max(10, heartbeatTimeoutMillis / 5);
        watchdog.scheduleWithFixedDelay(this::closeSilentWorkers, check, check, TimeUnit.MILLISECONDS);
    }

    public long heartbeatTimeoutMillis() {
        return heartbeatTimeoutMillis;
    }

    /** Reads the first message of a connection: the worker's hello with the right token, or null (it is closed). */
    Hello hello(ControlConnection connection) {
        try {
            if (connection.receive() instanceof Hello hello
                    && MessageDigest.isEqual(token, hello.token().getBytes(StandardCharsets.UTF_8))) {
                return hello;
            }
            LOG.warn("Refused a control connection from {}: no valid token", connection.remoteAddress());
        } catch (IOException e) {
            LOG.warn("Control connection from {} failed before hello: {}", connection.remoteAddress(), e.toString());
        }
        connection.close();
        return null;
    }

    /** Serves a connection that said hello until it is gone; blocks the calling thread meanwhile. */
    void serve(ControlConnection connection, Hello hello) {
        String workerId = hello.workerId();
        lastHeard.put(workerId, clock.getAsLong());
        connections.put(workerId, connection);
        listener.workerConnected(new RegisteredWorker(workerId, hello.dataHost(), hello.dataPort(), connection));
        String reason;
        try {
            while (true) {
                ControlMessage message = connection.receive();
                lastHeard.put(workerId, clock.getAsLong());
                if (message instanceof Heartbeat heartbeat) {
                    listener.metricsReported(workerId, heartbeat.metrics());
                } else {
                    listener.messageReceived(workerId, message);
                }
            }
        } catch (IOException e) {
            reason = silent(workerId) ? "no heartbeat for " + heartbeatTimeoutMillis + " ms"
                    : "control connection closed (" + e + ")";
        }
        connections.remove(workerId);
        lastHeard.remove(workerId);
        connection.close();
        if (!closed) {
            listener.workerDisconnected(workerId, reason);
        }
    }

    /** Serves a connection of a worker in this JVM, on a thread of its own. */
    public void accept(ControlConnection connection) {
        DaemonThreads.start(() -> {
            Hello hello = hello(connection);
            if (hello != null) {
                serve(connection, hello);
            }
        }, "control-" + connection.remoteAddress());
    }

    private boolean silent(String workerId) {
        Long heard = lastHeard.get(workerId);
        return heard != null && clock.getAsLong() - heard > heartbeatTimeoutMillis;
    }

    private void closeSilentWorkers() {
        connections.forEach((workerId, connection) -> {
            if (silent(workerId)) {
                LOG.warn("Worker {} missed its heartbeats for {} ms; closing its connection", workerId,
                        heartbeatTimeoutMillis);
                connection.close();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        connections.values().forEach(ControlConnection::close);
    }
}
