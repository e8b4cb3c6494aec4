package io.spindle.master.cluster;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.protocol.control.ControlMessage.Hello;
import io.spindle.protocol.control.SocketControlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Where worker containers connect to their master over TCP: accepts each connection and hands it to the
 * {@link WorkerConnections}, which serve it on a thread of its own. A worker must say hello within the heartbeat
 * timeout.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final ServerSocket serverSocket;
    private final WorkerConnections connections;
    private volatile boolean closed;

    public ControlServer(String host, WorkerConnections connections) throws IOException {
        this.serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(host, 0));
        this.connections = connections;
        DaemonThreads.start(this::accept, "control-accept");
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
        SocketControlConnection connection;
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, connections.heartbeatTimeoutMillis()));
            connection = new SocketControlConnection(socket);
        } catch (IOException e) {
            LOG.warn("Control connection from {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
            closeQuietly(socket);
            return;
        }
        Hello hello = connections.hello(connection);
        if (hello == null) {
            return;
        }
        try {
            socket.setSoTimeout(0);
        } catch (IOException e) {
            connection.close();
            return;
        }
        connections.serve(connection, hello);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        connections.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing left to do with it
        }
    }
}
