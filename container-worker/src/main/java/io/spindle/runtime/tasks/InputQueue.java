package io.spindle.runtime.tasks;

/** The buffers waiting in a task's input channels, and the most the channels hold. */
public record InputQueue(int length, int capacity) {

    /** A task without input channels. */
    public static final InputQueue NONE = new InputQueue(0, 0);
}
