package io.spindle.runtime.io;

import java.util.List;

/** An output channel that keeps every buffer it is sent in a list: a consumer that takes all at once. */
record ListChannel(List<Buffer> sent) implements OutboundChannel {

    @Override
    public void send(Buffer buffer) {
        sent.add(buffer);
    }

    @Override
    public boolean hasRoom() {
        return true;
    }

    @Override
    public int queued() {
        return 0;
    }

    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }
}
