package io.spindle.master.cluster;

import io.spindle.protocol.control.ControlConnection;
import io.spindle.protocol.control.ControlMessage;

import java.util.ArrayList;
import java.util.List;

/** The master's end of a worker's connection in a test: it records what the master sends. */
final class RecordingConnection implements ControlConnection {

    final List<ControlMessage> sent = new ArrayList<>();
    boolean closed;

    @Override
    public void send(ControlMessage message) {
        sent.add(message);
    }

    @Override
    public ControlMessage receive() {
        throw new UnsupportedOperationException("the test plays the worker");
    }

    @Override
    public String remoteAddress() {
        return "a test worker";
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The messages of this type the master sent, in order. */
    <T extends ControlMessage> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
