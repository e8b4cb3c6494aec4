package io.spindle.runtime.net;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A channel can carry no more buffers: its connection broke, its peer is gone, or its attempt was released.
 * Unchecked so that it passes through {@code send} and {@code poll} and fails the task, which triggers failover.
 */
public final class ChannelFailedException extends UncheckedIOException {

    public ChannelFailedException(ChannelId channel, IOException cause) {
        super("Channel " + channel + " failed: " + cause.getMessage(), cause);
    }
}
