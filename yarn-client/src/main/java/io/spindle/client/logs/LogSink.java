package io.spindle.client.logs;

/** Where {@link LogFrames} passes the files it reads: each file's frame, then its bytes. */
public interface LogSink {

    void start(LogFrame frame);

    void bytes(byte[] buffer, int offset, int length);
}
