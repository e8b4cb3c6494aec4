package io.spindle.api.functions;

import io.spindle.api.OutputTag;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ReducingState;
import io.spindle.api.state.ReducingStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;

import java.util.function.BiConsumer;

/**
 * What a {@link ProcessFunction} can reach. Keyed state and timers exist only after
 * {@code keyBy}: asking for them on a stream that is not keyed fails when the job is built.
 */
public interface ProcessContext {

    String operatorName();

    int subtaskIndex();

    int parallelism();

    /** 0 in the job's first execution, then one more after each restart (failover). */
    int attemptNumber();

    <T> ValueState<T> state(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> listState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> mapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> reducingState(ReducingStateDescriptor<T> descriptor);

    /** Per-subtask list state, redistributed evenly among subtasks when the parallelism changes. */
    <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor);

    /** Per-subtask list state that every subtask gets whole on restore: the entries of all old subtasks together. */
    <T> ListState<T> unionListState(ListStateDescriptor<T> descriptor);

    TimerService timers();

    /** The key of the record or timer being processed. */
    Object currentKey();

    /**
     * The event time of the record being processed, or the time of the event-time timer firing;
     * {@link io.spindle.api.eventtime.Watermarks#NO_TIMESTAMP} when there is none (no watermark strategy, or a
     * processing-time timer).
     */
    long timestamp();

    /** In {@code onTimer}: which clock's timer fires; null elsewhere. */
    TimeDomain timeDomain();

    /** Emits to a side output, which {@code DataStream.sideOutput(tag)} reads; dropped if nothing reads it. */
    <X> void output(OutputTag<X> tag, X value);

    /** Every key of this subtask that has a value in the state, with the value (for end-of-input hooks). */
    <K, V> void forEachValue(ValueStateDescriptor<V> descriptor, BiConsumer<K, V> action);
}
