package io.spindle.protocol.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;

/** A control connection over TCP, between processes. */
public final class SocketControlConnection implements ControlConnection {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public SocketControlConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    @Override
    public synchronized void send(ControlMessage message) throws IOException {
        ControlCodec.write(out, message);
    }

    @Override
    public ControlMessage receive() throws IOException {
        return ControlCodec.read(in);
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with the socket
        }
    }
}
