package io.spindle.api;

/** The end of a stream: a sink operator. */
public interface SinkStream {

    SinkStream parallelism(int parallelism);
}
