package io.spindle.protocol.control;

import java.io.IOException;

/**
 * One end of a control connection between the job master and a worker: over TCP between processes
 * ({@link SocketControlConnection}), or in memory when the workers run in the master's JVM
 * ({@link InMemoryControlConnection}). Any thread may send; one thread receives.
 */
public interface ControlConnection extends AutoCloseable {

    void send(ControlMessage message) throws IOException;

    /** Blocks for the next message; an {@link java.io.EOFException} once either end closed the connection. */
    ControlMessage receive() throws IOException;

    /** Who is at the other end, for log lines. */
    String remoteAddress();

    /** Closes both directions; never throws. */
    @Override
    void close();
}
