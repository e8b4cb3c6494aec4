package io.spindle.api;

import io.spindle.api.connectors.Source;

/** Where a job describes its dataflow. Every operator gets a name, its stable id in savepoints. */
public interface JobBuilder {

    <T> DataStream<T> source(String name, Source<T> source);

    /** Parallelism of operators that do not set their own (overrides {@code parallelism.default}). */
    JobBuilder parallelism(int parallelism);

    /** Sets a configuration key from the job's code, the highest precedence. */
    JobBuilder configure(String key, String value);
}
