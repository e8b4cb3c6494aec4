package io.spindle.runtime.io;

import java.util.List;

/** How many buffers wait in some channels together, and how many they hold at most. */
public record QueueDepth(int length, int capacity) {

    /** No channels. */
    public static final QueueDepth NONE = new QueueDepth(0, 0);

    public static QueueDepth of(List<? extends BufferQueue> channels) {
        int length = 0;
        int capacity = 0;
        for (BufferQueue channel : channels) {
            length += channel.queued();
            capacity += channel.capacity();
        }
        return new QueueDepth(length, capacity);
    }

    public QueueDepth plus(QueueDepth other) {
        return new QueueDepth(length + other.length, capacity + other.capacity);
    }
}
