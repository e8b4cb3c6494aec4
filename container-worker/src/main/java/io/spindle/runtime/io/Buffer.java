package io.spindle.runtime.io;

/** A batch of encoded stream elements as it travels through a channel: bytes [0, length). */
public record Buffer(byte[] bytes, int length) { }
