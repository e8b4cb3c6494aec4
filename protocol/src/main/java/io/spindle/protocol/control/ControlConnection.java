package io.spindle.protocol.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;

/** One end of a control connection: any thread may send; one thread receives. */
public final class ControlConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public ControlConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    public synchronized void send(ControlMessage message) throws IOException {
        ControlCodec.write(out, message);
    }

    /** Blocks for the next message; an {@link java.io.EOFException} when the other end closed the connection. */
    public ControlMessage receive() throws IOException {
        return ControlCodec.read(in);
    }

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
