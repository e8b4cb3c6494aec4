package io.spindle.master.cluster;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.protocol.control.ControlConnection;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.ControlMessage.Heartbeat;
import io.spindle.protocol.control.ControlMessage.Hello;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The master's end of the control connections: accepts workers that present the token, reads each one's
 * messages on a thread of its own, and notices workers that went silent for longer than the heartbeat
 * timeout (a hung or cut-off process, whose socket may never close) by closing their connection.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    /** What the server reports; called from its threads. */
    public interface Listener {

        void workerConnected(RegisteredWorker worker);

        void messageReceived(String workerId, ControlMessage message);

        /** The connection is gone: the worker exited, was killed, or missed its heartbeats. */
        void workerDisconnected(String workerId, String reason);
    }

    /** A worker that said hello with the right token. */
    public record RegisteredWorker(String id, String dataHost, int dataPort, ControlConnection connection) { }

    private final ServerSocket serverSocket;
    private final byte[] token;
    private final Listener listener;
    private final long heartbeatTimeoutMillis;
    private final LongSupplier clock;
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
    private final Map<String, ControlConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("heartbeat-watchdog"));
    private volatile boolean closed;

    public ControlServer(String host, String token, Listener listener, long heartbeatTimeoutMillis,
                         LongSupplier clock) throws IOException {
        this.serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(host, 0));
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.listener = listener;
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        this.clock = clock;
        DaemonThreads.start(this::accept, "control-accept");
        long check = Math.max(10, heartbeatTimeoutMillis / 5);
        watchdog.scheduleWithFixedDelay(this::closeSilentWorkers, check, check, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                DaemonThreads.start(() -> serve(socket), "control-" + socket.getRemoteSocketAddress());
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Control server cannot accept connections: {}", e.toString());
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        ControlConnection connection;
        Hello hello;
        try {
            connection = new ControlConnection(socket);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, heartbeatTimeoutMillis));
            if (!(connection.receive() instanceof Hello first)
                    || !MessageDigest.isEqual(token, first.token().getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("Refused a control connection from {}: no valid token", socket.getRemoteSocketAddress());
                socket.close();
                return;
            }
            hello = first;
            socket.setSoTimeout(0);
        } catch (IOException e) {
            LOG.warn("Control connection from {} failed before hello: {}", socket.getRemoteSocketAddress(), e.toString());
            closeQuietly(socket);
            return;
        }
        String workerId = hello.workerId();
        lastHeard.put(workerId, clock.getAsLong());
        connections.put(workerId, connection);
        listener.workerConnected(new RegisteredWorker(workerId, hello.dataHost(), hello.dataPort(), connection));
        String reason;
        try {
            while (true) {
                ControlMessage message = connection.receive();
                lastHeard.put(workerId, clock.getAsLong());
                if (!(message instanceof Heartbeat)) {
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
        closeQuietly(serverSocket);
        connections.values().forEach(ControlConnection::close);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing left to do with it
        }
    }
}
