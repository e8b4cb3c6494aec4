package io.spindle.api;

import io.spindle.api.connectors.Source;
import io.spindle.api.eventtime.WatermarkStrategy;

/** Where a job describes its dataflow. Every operator gets a name, its stable id in savepoints. */
public interface JobBuilder {

    /** A source whose records have no event time (or keep the timestamps the source gives them, without watermarks). */
    <T> DataStream<T> source(String name, Source<T> source);

    /** A source whose records have event time and watermarks as the strategy says, per split of the source. */
    <T> DataStream<T> source(String name, Source<T> source, WatermarkStrategy<T> watermarks);

    /** Parallelism of operators that do not set their own (overrides {@code parallelism.default}). */
    JobBuilder parallelism(int parallelism);

    /** Sets a configuration key from the job's code, the highest precedence. */
    JobBuilder configure(String key, String value);
}
